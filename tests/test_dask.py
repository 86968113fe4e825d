"""The Dask helpers on a real local cluster of two worker processes."""

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

from azfix import Cleaner  # noqa: E402
from azfix.parallel.dask import clean_bag, clean_column  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


def test_clean_bag_on_two_workers(client):
    import dask.bag as db

    texts = [f"{n}. Bu siyaset" for n in range(40)]
    cleaned = clean_bag(db.from_sequence(texts, npartitions=4), Cleaner()).compute()
    assert cleaned == [f"{n}. Bu siyasət" for n in range(40)]
    assert len(client.scheduler_info()["workers"]) == 2


def test_clean_column(client):
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")

    frame = dd.from_pandas(pd.DataFrame({"id": [1, 2], "text": ["Bu siyaset", "Vətən mühabibəsi"]}), npartitions=2)
    out = clean_column(frame, "text", output="clean").compute()
    assert list(out["clean"]) == ["Bu siyasət", "Vətən müharibəsi"]
    assert list(out["text"]) == ["Bu siyaset", "Vətən mühabibəsi"]
