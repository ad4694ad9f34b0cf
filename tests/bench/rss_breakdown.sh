#!/usr/bin/env bash
# Where a running process's resident memory goes, from /proc/PID/smaps: each mapping's Rss added
# up by what it holds. Prints the figures, asserts nothing (tests/bench/idle_cpu.sh and
# scripts/bench call it on the running kiosk; docs/memory.md explains the lines).
# Usage: tests/bench/rss_breakdown.sh <pid>
set -euo pipefail
pid=$1
threads=$(ls "/proc/$pid/task" | wc -l)
kiosk_exe=$(readlink "/proc/$pid/exe" | sed 's/ (deleted)$//')
awk -v exe="$kiosk_exe" -v threads="$threads" '
  # A mapping line: address range, permissions, offset, device, inode, then the path if any.
  /^[0-9a-f]+-[0-9a-f]+ / {
    path = ""
    for (i = 6; i <= NF; i++) path = path (i > 6 ? " " : "") $i
    sub(/ \(deleted\)$/, "", path)
    if (path ~ /libLLVM/) kind = "LLVM (llvmpipe compiles its shaders with it)"
    else if (path ~ /\/dri\/|libGL|libglapi|libEGL|libgbm|libgallium|libdrm/) kind = "Mesa (GL driver and dispatch)"
    else if (path ~ /^\/SYSV/) kind = "X shared-memory image (the window'"'"'s pixels)"
    else if (path == "[heap]") kind = "heap (small malloc blocks)"
    else if (path == "") kind = "anonymous (large malloc blocks, frame buffers, textures, atlas, thread stacks)"
    else if (path ~ /^\[stack\]/) kind = "main thread stack"
    else if (path ~ /\.(ttf|otf|ttc)$/) kind = "fonts (mapped files)"
    else if (path ~ /libicu|icudt/) kind = "ICU (code and data)"
    else if (path ~ /libsqlite3/) kind = "SQLite code (its page cache is in the heap)"
    else if (path == exe) kind = "the kiosk'"'"'s own code"
    else if (path ~ /\.so/) kind = "other shared libraries"
    else kind = "other mappings (" path ")"
    next
  }
  /^Rss:/ { rss[kind] += $2; total += $2 }
  END {
    printf "resident memory by kind (total %.1f MB, %d threads):\n", total / 1024, threads
    n = 0
    for (k in rss) order[++n] = k
    for (i = 1; i <= n; i++)  # largest first
      for (j = i + 1; j <= n; j++)
        if (rss[order[j]] > rss[order[i]]) { t = order[i]; order[i] = order[j]; order[j] = t }
    for (i = 1; i <= n; i++) if (rss[order[i]] >= 100) printf "  %7.1f MB  %s\n", rss[order[i]] / 1024, order[i]
  }' "/proc/$pid/smaps"
