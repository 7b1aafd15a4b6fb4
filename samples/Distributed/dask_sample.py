#!/usr/bin/python3
"""Sample a synthetic table in shards on a Dask cluster: one `mlgan sample --shard K/M` task per shard.

Every task writes rows [K*n/M, (K+1)*n/M) of the stream one unsharded `mlgan sample` with the same model, -n and
--seed would write, so the parts together are that table whatever the number of workers: a folder of Parquet files
that Spark, Dask (with pyarrow) or DuckDB read as one table, or CSV parts whose concatenation in shard order is the
single-run file byte for byte (parts after the first have no header).

    /usr/bin/python3 samples/Distributed/dask_sample.py --model adult.zip -n 1000000 --shards 8 --out-dir parts
    /usr/bin/python3 samples/Distributed/dask_sample.py --scheduler tcp://host:8786 ...   # an existing cluster

Without --scheduler it starts a local cluster of --workers processes (one thread each). It prints one JSON line:
the parts written, rows, seconds and rows per second. If a shard fails or the run is interrupted, the output folder is
removed: an incomplete set of parts never stands for the table. Needs Dask distributed (Debian: python3-distributed) and the
mlgan tool on every worker (--mlgan names it when it is not on PATH).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time


def sample_shard(mlgan, model, rows, seed, shard, shards, path, threads):
    """Runs one shard on a worker; returns its part's path and seconds, or raises with mlgan's own message."""
    started = time.perf_counter()
    command = [mlgan, "sample", "--model", model, "-n", str(rows), "--seed", str(seed),
               "--shard", f"{shard}/{shards}", "--threads", str(threads), "--out", path]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        message = (result.stderr or result.stdout).strip().splitlines()
        raise RuntimeError(f"shard {shard}/{shards}: mlgan exited {result.returncode}: {message[-1] if message else ''}")
    return path, time.perf_counter() - started


def run_shards(options, Client, LocalCluster):
    """Runs every shard on the cluster; returns the parts with their seconds, the wall seconds and the worker count."""
    model = os.path.abspath(options.model)
    paths = [os.path.abspath(os.path.join(options.out_dir, f"part-{k:05d}.{options.format}")) for k in range(options.shards)]
    cluster = None
    if options.scheduler:
        client = Client(options.scheduler)
    else:
        cluster = LocalCluster(n_workers=options.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    futures = []
    try:
        workers = len(client.scheduler_info().get("workers", {}))
        started = time.perf_counter()
        futures = client.map(sample_shard, [options.mlgan] * options.shards, [model] * options.shards,
                             [options.rows] * options.shards, [options.seed] * options.shards,
                             range(options.shards), [options.shards] * options.shards, paths,
                             [options.threads] * options.shards, pure=False)
        results = client.gather(futures)
        return results, time.perf_counter() - started, workers
    finally:
        client.cancel(futures)
        client.close()
        if cluster is not None:
            cluster.close()


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, help="model saved by mlgan fit")
    parser.add_argument("-n", "--rows", type=int, required=True, help="rows of the whole table")
    parser.add_argument("--shards", type=int, required=True, help="tasks, one part file each")
    parser.add_argument("--out-dir", required=True, help="new folder for the parts")
    parser.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2, help="local cluster size (ignored with --scheduler)")
    parser.add_argument("--threads", type=int, default=1, help="torch threads per task")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler instead of a local cluster")
    parser.add_argument("--mlgan", default="mlgan", help="the mlgan executable on the workers")
    options = parser.parse_args()
    if options.rows < 1 or options.shards < 1 or options.workers < 1 or options.threads < 1:
        parser.error("-n, --shards, --workers and --threads must be at least 1")
    if os.path.exists(options.out_dir):
        parser.error(f"--out-dir {options.out_dir} exists; name a new folder")
    return options


def main():
    options = arguments()
    from distributed import Client, LocalCluster

    os.makedirs(options.out_dir)
    try:
        results, seconds, workers = run_shards(options, Client, LocalCluster)
    except BaseException as error:
        # Some parts may be written: the folder must not pass for the whole table.
        shutil.rmtree(options.out_dir, ignore_errors=True)
        if isinstance(error, KeyboardInterrupt):
            print(f"dask_sample: interrupted (removed the incomplete {options.out_dir})", file=sys.stderr)
            return 130
        print(f"dask_sample: {error} (removed the incomplete {options.out_dir})", file=sys.stderr)
        return 1
    print(json.dumps({
        "parts": [path for path, _ in results],
        "rows": options.rows,
        "shards": options.shards,
        "workers": workers,
        "seconds": round(seconds, 3),
        "rows_per_second": round(options.rows / seconds, 1),
        "task_seconds": [round(s, 3) for _, s in results],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
