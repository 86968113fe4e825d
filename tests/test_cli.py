"""The command line, driven as a user drives it: a subprocess."""

import json
import os
import subprocess
import sys

import pytest

import azfix


def run(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "azfix.cli", *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd)


def test_version():
    out = run("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"azfix {azfix.__version__}"


def test_clean_stdin_to_stdout():
    out = run("clean", "-q", stdin="Bu siyaset sayesində\n")
    assert out.returncode == 0 and out.stdout == "Bu siyasət sayəsində\n" and out.stderr == ""


def test_clean_summary_on_stderr():
    out = run("clean", stdin="Bu siyaset\n")
    assert "1 edits (diacritic 1)" in out.stderr


def test_clean_json(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Bu siyaset", encoding="utf-8")
    out = run("clean", "--json", str(path))
    record = json.loads(out.stdout)
    assert record["file"] == str(path)
    assert record["edits"] == [{"start": 3, "end": 10, "original": "siyaset", "replacement": "siyasət",
                                "kind": "diacritic", "confidence": record["edits"][0]["confidence"]}]


def test_clean_diff(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Bu siyaset\n", encoding="utf-8")
    out = run("clean", "--diff", str(path))
    assert "-Bu siyaset" in out.stdout and "+Bu siyasət" in out.stdout


def test_clean_output_file(tmp_path):
    source, target = tmp_path / "a.txt", tmp_path / "b.txt"
    source.write_text("Bu siyaset\n", encoding="utf-8")
    assert run("clean", "-q", str(source), "-o", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8") == "Bu siyasət\n"
    assert source.read_text(encoding="utf-8") == "Bu siyaset\n"


def test_in_place_keeps_permissions(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Bu siyaset\n", encoding="utf-8")
    os.chmod(path, 0o640)
    assert run("clean", "-q", "--in-place", str(path)).returncode == 0
    assert path.read_text(encoding="utf-8") == "Bu siyasət\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


@pytest.mark.parametrize(
    "content, message",
    [(b"a\x00b", "binary file (NUL byte at offset 1)"), (b"ab\xffc", "not valid utf-8 at byte offset 2")],
)
def test_bad_input_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    out = run("clean", "--in-place", str(path))
    assert out.returncode == 2 and message in out.stderr and out.stdout == ""
    assert path.read_bytes() == content


def test_encoding_option(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Bu siyaset café\n".encode("latin-1"))
    out = run("clean", "-q", "--encoding", "latin-1", str(path))
    assert out.returncode == 0 and out.stdout == "Bu siyasət café\n"


def test_missing_file_and_empty_directory(tmp_path):
    out = run("clean", str(tmp_path / "none.txt"))
    assert out.returncode == 2 and "no such file" in out.stderr
    out = run("clean", str(tmp_path))
    assert out.returncode == 2 and "no files matching *.txt" in out.stderr


def test_directory_to_output_dir_with_jobs(tmp_path):
    source = tmp_path / "in"
    (source / "sub").mkdir(parents=True)
    (source / "a.txt").write_text("Bu siyaset\n", encoding="utf-8")
    (source / "sub" / "b.txt").write_text("Vətən mühabibəsi\n", encoding="utf-8")
    (source / "skip.md").write_text("siyaset\n", encoding="utf-8")
    out = run("clean", "--jobs", "2", str(source), "--output-dir", str(tmp_path / "out"))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "Bu siyasət\n"
    assert (tmp_path / "out" / "sub" / "b.txt").read_text(encoding="utf-8") == "Vətən müharibəsi\n"
    assert not (tmp_path / "out" / "skip.md").exists()
    assert "2 documents" in out.stderr and "diacritic 1" in out.stderr and "typo 1" in out.stderr


def test_big_file_in_order_with_two_jobs(tmp_path):
    paragraphs = [f"{n}. Bu siyaset sayesində iclas keçirildi." for n in range(3000)]
    path = tmp_path / "big.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    out = run("clean", "-q", "--jobs", "2", str(path))
    expected = "\n\n".join(p.replace("siyaset sayesində", "siyasət sayəsində") for p in paragraphs) + "\n"
    assert out.returncode == 0 and out.stdout == expected


def test_jsonl_field(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": 1, "text": "Bu siyaset"}\n{"id": 2, "text": "Vətən mühabibəsi"}\n', encoding="utf-8")
    out = run("clean", "-q", "--jsonl-field", "text", str(path))
    assert [json.loads(line) for line in out.stdout.splitlines()] == [
        {"id": 1, "text": "Bu siyasət"}, {"id": 2, "text": "Vətən müharibəsi"}]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    out = run("clean", "--jsonl-field", "text", str(bad))
    assert out.returncode == 2 and "no string field 'text'" in out.stderr
    assert "no line is a JSON record with a string field 'text'" in out.stderr
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('{"text": "Bu siyaset"}\n{bad\n{"text": "ikinci siyaset"}\n', encoding="utf-8")
    out = run("clean", "--jsonl-field", "text", str(mixed))
    # one bad line neither aborts the file nor is lost: it is copied and named
    assert out.returncode == 0 and out.stdout.splitlines() == [
        '{"text": "Bu siyasət"}', "{bad", '{"text": "ikinci siyasət"}']
    assert "line 2: not JSON" in out.stderr and "1 line not records" in out.stderr


def test_a_bad_byte_late_in_a_file_fails_before_any_output(tmp_path):
    path = tmp_path / "late.txt"
    path.write_bytes(b"Bu siyaset\n" * 20000 + b"\xff\n")
    out = run("clean", "-q", str(path))
    assert out.returncode == 2 and out.stdout == "" and "not valid utf-8 at byte offset 220000" in out.stderr


def test_unwritable_output(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Bu siyaset\n", encoding="utf-8")
    out = run("clean", str(source), "-o", str(tmp_path / "no" / "such" / "dir" / "out.txt"))
    assert out.returncode == 2 and "cannot write" in out.stderr


def test_check_lists_unknown_words(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Vətən mühabibəsi\nbitdi\n", encoding="utf-8")
    out = run("check", str(path))
    assert out.returncode == 1
    assert out.stdout.splitlines()[0].startswith(f"{path}:1:7: mühabibəsi -> müharibəsi")
    clean = tmp_path / "b.txt"
    clean.write_text("Vətən müharibəsi\n", encoding="utf-8")
    assert run("check", str(clean)).returncode == 0


def test_suggest():
    out = run("suggest", "mühabibəsi")
    assert out.returncode == 0 and out.stdout.startswith("mühabibəsi [unknown]: müharibəsi")


def test_train_writes_statistics(tmp_path):
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("bütün üzv dövlətlər\n" * 20, encoding="utf-8")
    stats = tmp_path / "stats.tsv.gz"
    assert run("train", str(corpus), "-o", str(stats)).returncode == 0
    out = run("clean", "-q", "--stats", str(stats), stdin="uğurlar bütüñüz dövlətlər\n")
    assert out.stdout == "uğurlar bütün üzv dövlətlər\n"


def test_usage_error_exit_code():
    assert run("clean", "--no-such-flag").returncode == 2


def test_html_report(tmp_path):
    from html.parser import HTMLParser

    path = tmp_path / "a.txt"
    path.write_text("Bu siyaset <b>\nVətən mühabibəsi\n", encoding="utf-8")
    report = tmp_path / "report.html"
    out = run("clean", str(path), "--html", str(report))
    assert out.returncode == 0 and out.stdout == ""

    class Marks(HTMLParser):
        marks, titles, inside = [], [], False

        def handle_starttag(self, tag, attrs):
            if tag == "mark":
                self.inside = True
                self.titles.append(dict(attrs)["title"])
                self.marks.append(dict(attrs)["class"])

        def handle_endtag(self, tag):
            self.inside = False

    parser = Marks()
    page = report.read_text(encoding="utf-8")
    parser.feed(page)
    assert parser.marks == ["diacritic", "typo"]
    assert parser.titles[0].startswith("diacritic (") and "'siyaset' → 'siyasət'" in parser.titles[0]
    assert "&lt;b&gt;" in page and "<script" not in page


def test_interrupted_in_place_run_leaves_input_intact(tmp_path):
    import signal
    import time

    path = tmp_path / "big.txt"
    original = "\n\n".join(f"{n}. Bu siyaset sayesində iclas keçirildi." for n in range(200_000)) + "\n"
    path.write_text(original, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "azfix.cli", "clean", "-q", "--jobs", "1", "--in-place",
                                str(path)], stderr=subprocess.PIPE)
    time.sleep(2.0)
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)
    assert process.returncode != 0
    assert path.read_text(encoding="utf-8") == original
    assert [p.name for p in tmp_path.iterdir()] == ["big.txt"]


def test_clean_diff_colours_on_request(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Bu siyaset\n", encoding="utf-8")
    coloured = run("clean", "--diff", "--color", "always", str(path)).stdout
    assert "\x1b[31m-Bu siyaset\x1b[0m" in coloured and "\x1b[32m+Bu siyasət\x1b[0m" in coloured
    plain = run("clean", "--diff", str(path)).stdout  # not a terminal: no colour by default
    assert "\x1b[" not in plain


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_missing_statistics_are_one_line_and_exit_2(tmp_path, jobs):
    source = tmp_path / "a.txt"
    source.write_text("Bu siyaset\n", encoding="utf-8")
    out = run("clean", "--jobs", jobs, "--stats", str(tmp_path / "nosuch.tsv.gz"), str(source))
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [f"azfix: error: --stats {tmp_path / 'nosuch.tsv.gz'}: no such file"]
    assert source.read_text(encoding="utf-8") == "Bu siyaset\n"


@pytest.mark.parametrize("value", ["7", "-3"])
def test_min_confidence_outside_0_to_1_is_refused(value):
    out = run("clean", "--min-confidence", value, stdin="Bu siyaset\n")
    assert out.returncode == 2 and "--min-confidence takes a number from 0 to 1" in out.stderr


def test_output_dir_refuses_two_inputs_with_one_target(tmp_path):
    for folder, text in (("c1", "Bu siyaset\n"), ("c2", "Bu sayesində\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(text, encoding="utf-8")
    out_dir = tmp_path / "out"
    for args in ([str(tmp_path / "c1" / "x.txt"), str(tmp_path / "c2" / "x.txt")],
                 [str(tmp_path / "c1"), str(tmp_path / "c2")]):
        out = run("clean", "-q", *args, "--output-dir", str(out_dir))
        assert out.returncode == 2 and "would both be written to" in out.stderr
        assert not (out_dir / "x.txt").exists()


def test_in_place_on_a_link_cleans_the_file_it_points_to(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("Bu siyaset\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real.name)
    out = run("clean", "-q", "--in-place", str(link))
    assert out.returncode == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "Bu siyasət\n"


@pytest.mark.parametrize("args, message", [
    (["--jobs", "-1"], "--jobs takes a whole number of at least 1"),
    (["--glob", "../*.txt"], "a pattern below the folder"),
])
def test_bad_options_are_one_line_errors(tmp_path, args, message):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Bu siyaset\n", encoding="utf-8")
    out = run("clean", "-q", *args, str(tmp_path / "in"), "--output-dir", str(tmp_path / "out"))
    assert out.returncode == 2 and message in out.stderr and "Traceback" not in out.stderr


def test_output_that_is_a_folder_or_has_no_folder_is_refused(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Bu siyaset\n", encoding="utf-8")
    out = run("clean", "-q", str(source), "-o", str(tmp_path))
    assert out.returncode == 2 and "is a directory" in out.stderr
    out = run("train", str(source), "-o", str(tmp_path / "nodir" / "x.tsv.gz"))
    assert out.returncode == 2 and "not a file in an existing folder" in out.stderr


def test_other_encodings_are_decoded_and_written_as_utf8(tmp_path):
    utf16 = tmp_path / "u16.txt"
    utf16.write_bytes("Bu siyaset sayesində\n".encode("utf-16"))
    out = run("clean", "-q", "--encoding", "utf-16", str(utf16))
    assert out.returncode == 0 and out.stdout == "Bu siyasət sayəsində\n"
    latin = tmp_path / "l1.txt"
    latin.write_bytes("Bu siyaset sayesinde cox\n".encode("latin-1"))
    target = tmp_path / "out.txt"
    out = run("clean", "-q", "--encoding", "latin-1", str(latin), "-o", str(target))
    assert out.returncode == 0 and target.read_text(encoding="utf-8") == "Bu siyasət sayəsində çox\n"
    binary = tmp_path / "bin16.txt"
    binary.write_bytes("a\0b".encode("utf-16"))
    out = run("clean", "-q", "--encoding", "utf-16", str(binary))
    assert out.returncode == 2 and "binary file" in out.stderr


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGKILL"])
def test_a_killed_run_leaves_no_temporary_file(tmp_path, signal_name):
    import signal
    import time

    source = tmp_path / "big.txt"
    source.write_text("Bu siyaset sayesində mümkün oldu.\n\n" * 60_000, encoding="utf-8")
    target = tmp_path / "out.txt"
    process = subprocess.Popen([sys.executable, "-m", "azfix.cli", "clean", "-q", "--jobs", "1", str(source),
                                "-o", str(target)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(3)  # loaded, and writing
    assert process.poll() is None
    process.send_signal(getattr(signal, signal_name))
    process.wait(timeout=30)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt"]


def test_every_stage_can_be_switched_off_from_the_command_line():
    text = "Bu siyaset sayesi-\nndə AzÉ™rbaycan\n"
    assert run("clean", "-q", stdin=text).stdout == "Bu siyasət sayəsində Azərbaycan\n"
    assert run("clean", "-q", "--no-correct", stdin=text).stdout == "Bu siyaset sayesində Azərbaycan\n"
    assert run("clean", "-q", "--no-layout", "--no-mojibake", stdin=text).stdout == "Bu siyasət sayəsi-\nndə AzÉ™rbaycan\n"


def test_in_place_goes_on_past_a_bad_file_and_names_it(tmp_path):
    good, bad, last = (tmp_path / n for n in ("a.txt", "b.txt", "c.txt"))
    good.write_text("Bu siyaset\n", encoding="utf-8")
    bad.write_bytes(b"x\xff\n")
    last.write_text("Bu siyaset\n", encoding="utf-8")
    out = run("clean", "--in-place", str(good), str(bad), str(last))
    assert out.returncode == 2
    assert good.read_text(encoding="utf-8") == last.read_text(encoding="utf-8") == "Bu siyasət\n"
    assert bad.read_bytes() == b"x\xff\n"
    assert f"1 of 3 files not cleaned (left as they were): {bad}" in out.stderr
    out = run("clean", str(good), str(bad), str(last))  # one output stream: stops, and says what is missing
    assert out.returncode == 2 and f"not cleaned either: {last}" in out.stderr


def test_the_command_line_and_the_api_agree_on_a_long_text(tmp_path):
    """A file is cleaned in pieces cut at blank lines; Cleaner.correct cuts a long string the same way."""
    import azfix

    typed = "Bu gun Baki seherinde hava isti olacaq ve kulek esecek.\n\n"  # typed without Azerbaijani letters
    written = "Bu gün Bakı şəhərində siyaset haqqında danışıldı.\n\n"
    text = typed * 2400 + written * 600
    assert len(text) > 2 * 64 * 1024
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    result = azfix.Cleaner().correct(text)
    assert azfix.apply_edits(text, result.edits) == result.text
    assert "Bakı şəhərində" in result.text.split("\n\n")[0]
    for jobs in ("1", "2"):
        out = run("clean", "-q", "--jobs", jobs, str(path))
        assert out.returncode == 0 and out.stdout == result.text
