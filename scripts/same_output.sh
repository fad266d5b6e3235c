#!/usr/bin/env bash
# Whether this tree gives byte-identical records to REF (default: HEAD): a replay crawl of every fixture and
# `pressbot parse` of every fixture page, in each tree, diffed. For refactors that must not change behaviour.
# Usage: scripts/same_output.sh [REF]    (run inside the project's virtualenv)
set -euo pipefail
ref=${1:-HEAD}
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$tmp/ref" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git -C "$here" worktree add -q --detach "$tmp/ref" "$ref"

outputs() {  # $1: tree, $2: where to write
  local tree=$1 out=$2
  mkdir -p "$out"
  (cd "$tree" && PYTHONPATH="$tree" HOME="$out/home" python -m pressbot.cli crawl --replay fixtures \
      -O "$out/releases.jsonl" --rejects "$out/rejects.jsonl" --manifest "$out/manifest.json" --no-state \
      >/dev/null 2>&1 || true)
  # provenance.fetched_at comes from response.json; everything else must match exactly
  (cd "$tree" && find fixtures -name response.html | sort | while read -r page; do
    url=$(python -c 'import json,sys; print(json.load(open(sys.argv[1]))["url"])' "$(dirname "$page")/response.json")
    PYTHONPATH="$tree" python -m pressbot.cli parse "$page" --url "$url" 2>&1 || true
  done) >"$out/parse.jsonl"
  sort "$out/releases.jsonl" >"$out/releases.sorted"
  sort "$out/rejects.jsonl" >"$out/rejects.sorted"
}
outputs "$tmp/ref" "$tmp/before"
outputs "$here" "$tmp/after"
status=0
for f in releases.sorted rejects.sorted parse.jsonl; do
  if cmp -s "$tmp/before/$f" "$tmp/after/$f"; then
    echo "same: $f ($(wc -l <"$tmp/after/$f") lines)"
  else
    echo "DIFFERENT: $f"; diff "$tmp/before/$f" "$tmp/after/$f" | head -20; status=1
  fi
done
exit $status
