#!/usr/bin/env bash
# Peak memory of a command that cannot be told to stop early (an mlgan without --steps): runs it, samples its
# high-water mark (VmHWM) every 2 s, and stops it once the mark has not moved for STEADY seconds (training has
# begun: a fit allocates its data before the first step). Prints the peak in MB and the seconds it ran.
# usage: peak-until-steady.sh STEADY command args...
set -uo pipefail
steady=$1
shift
"$@" > /dev/null 2>&1 &
pid=$!
last=0 since=0 start=$SECONDS
while kill -0 "$pid" 2> /dev/null; do
    sleep 2
    mark=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2> /dev/null || echo "$last")
    if [ "${mark:-0}" -gt "$last" ]; then
        last=$mark since=$SECONDS
    elif [ $((SECONDS - since)) -ge "$steady" ]; then
        kill "$pid"
        break
    fi
done
wait "$pid" 2> /dev/null
echo "peak $((last / 1024)) MB after $((SECONDS - start)) s"
