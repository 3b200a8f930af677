"""Scanning on a Dask distributed cluster (optional extra `clausecheck[distributed]`).

The client reads each file and sends its bytes with the task, so workers need clausecheck
installed but no shared file system: the same code runs on dask-jobqueue, dask-kubernetes or a
LocalCluster. Documents go in batches; results come back as batches complete and are written by
the client exactly as a local scan writes them (same lines, same resume).

Isolation on a cluster is Dask's: a document that kills its worker (a native crash, or the
nanny's memory limit) makes Dask retry the task elsewhere; when Dask gives up, the batch is
retried one document at a time and the document that still kills workers becomes an E022 line.
The per-document time limit (`limits.timeout_seconds`) is enforced only by local scans.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from .config import Config
from .errors import ClauseCheckError
from .models import DocumentReport
from .scan import Result, digest, peak_rss_mb


def _read(path: str, config: Config) -> bytes | str:
    """The file's bytes, or its error line when it cannot be sent (missing, unreadable, too big)."""
    from .engine import analyse_path

    try:
        if os.path.isfile(path) and os.path.getsize(path) <= config.limits.max_file_bytes:
            with open(path, "rb") as fh:
                return fh.read()
    except OSError:
        pass
    return analyse_path(path, config).model_dump_json()


def analyse_batch(items: list[tuple[str, bytes]], config_json: str) -> list[Result]:
    """Runs on a Dask worker: analyse (path, bytes) pairs; return (path, JSON line, peak MB, digest)."""
    from .engine import analyse_document
    from .extract import extract_bytes

    config = Config.model_validate_json(config_json)
    out: list[Result] = []
    for path, data in items:
        try:
            doc = extract_bytes(data, path, password=config.password, limits=config.limits)
            report = analyse_document(doc, config)
        except ClauseCheckError as exc:
            report = DocumentReport(path=path, error=exc.info())
        except MemoryError:
            report = DocumentReport(path=path, error=ClauseCheckError("E022", f"{path}: ran out of memory").info())
        except Exception as exc:  # one bad file never stops a batch
            report = DocumentReport(path=path, error=ClauseCheckError(
                "E020", f"analysis failed: {type(exc).__name__}: {exc}").info())
        if report.sha256 is None:
            import hashlib

            report.sha256 = hashlib.sha256(data).hexdigest()
        out.append((path, report.model_dump_json(), peak_rss_mb(), digest(report, config)))
    return out


def _client(address: str | None, workers: int | None) -> Any:
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ClauseCheckError("E045", f"Dask is not installed ({exc.name})") from exc
    address = address or dask.config.get("scheduler-address", None)
    try:
        if address:
            return Client(address, timeout="20s")
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, host="127.0.0.1", dashboard_address=None)
        return Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise ClauseCheckError("E046", f"{address or 'local cluster'}: {exc}") from exc


def iter_dask(paths: Sequence[str], config: Config, client: Any, *, batch_size: int = 8,
              in_flight: int | None = None) -> Iterator[Result]:
    """Analyse `paths` on the cluster behind `client`; yield (path, line, peak MB) as batches finish."""
    from distributed import as_completed

    config_json = config.model_dump_json()
    batches = [list(paths[i:i + batch_size]) for i in range(0, len(paths), batch_size)]
    batches.reverse()
    limit = in_flight or max(2, 2 * sum(client.nthreads().values()))
    running = as_completed()
    owner: dict[Any, list[str]] = {}

    def submit(batch: list[str]) -> Iterator[Result]:
        items = []
        for path in batch:
            data = _read(path, config)
            if isinstance(data, str):
                yield (path, data, None)
            else:
                items.append((path, data))
        if items:
            future = client.submit(analyse_batch, items, config_json, pure=False)
            owner[future] = [p for p, _ in items]
            running.add(future)

    try:
        while batches and running.count() < limit:
            yield from submit(batches.pop())
        while not running.is_empty():
            future = next(running)
            batch = owner.pop(future)
            try:
                results = future.result()
            except Exception as exc:  # KilledWorker, or a worker lost for good
                if len(batch) > 1:  # find the culprit: one document per task
                    for path in batch:
                        yield from submit([path])
                    continue
                results = [(batch[0], DocumentReport(path=batch[0], error=ClauseCheckError(
                    "E022", f"{batch[0]}: the Dask worker died ({type(exc).__name__})").info()).model_dump_json(),
                    None)]
            yield from results
            while batches and running.count() < limit:
                yield from submit(batches.pop())
    finally:
        for future in list(owner):
            future.cancel()


def dask_backend(config: Config, *, address: str | None = None, workers: int | None = None,
                 batch_size: int = 8, client: Any = None) -> Callable[[Sequence[str]], Iterator[Result]]:
    """A `run_scan` backend on Dask: an existing `client`, a scheduler address, or a new local cluster."""
    own = client is None
    client = client or _client(address, workers)

    def backend(paths: Sequence[str]) -> Iterator[Result]:
        try:
            yield from iter_dask(paths, config, client, batch_size=batch_size)
        finally:
            if own:
                cluster = getattr(client, "cluster", None)
                client.close()
                if cluster is not None:
                    cluster.close()

    return backend
