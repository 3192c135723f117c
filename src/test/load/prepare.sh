# Sourced by run.sh and soak.sh: wrk, and a fresh index of the bundled corpus in $AKIN_LOAD_DIR with the paper ids
# and titles the wrk scripts pick from (ids.txt, queries.txt).
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
rm -rf "$AKIN_LOAD_DIR"; mkdir -p "$AKIN_LOAD_DIR"; cp src/test/load/*.lua "$AKIN_LOAD_DIR/"
./akin index data/ --index "$AKIN_LOAD_DIR/index" >/dev/null 2>&1
./akin search "a" --k 1000 --json --index "$AKIN_LOAD_DIR/index" 2>/dev/null | python3 -c '
import json, sys, os
hits = json.load(sys.stdin)["results"]
d = os.environ["AKIN_LOAD_DIR"]
open(d + "/ids.txt", "w").write("\n".join(h["id"] for h in hits) + "\n")
open(d + "/queries.txt", "w").write("\n".join(h["title"].replace("\"", "") for h in hits) + "\n")'
