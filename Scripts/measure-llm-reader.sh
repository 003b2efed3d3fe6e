#!/usr/bin/env bash
# The LLM reader measured on the real-reply corpus with a real local model (issue 24, item 4).
#
#   Scripts/measure-llm-reader.sh [0.5b|1.5b] [dev|heldout|both]
#
# Starts the local model with ../shared/tools/real-llm.sh (a first start builds llama-cpp-python: 7-25 minutes),
# sends every uncertain reading of the part to it as `saima agreement --reader-model` does, and prints the reader's
# table and the agreement figures without the reader and under each policy (replaces / confirms). The replies are
# recorded in Tests/SaimaScoringTests/RealReplies/llm-reader/ (development part) and .../heldout/llm-reader/
# (held-out part): with REPLAY=1 the figures are printed again from the recordings alone, without a model.
# Measured on 2 cores: 1.5b reads 5-17 uncertain readings a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1.5b}
part=${2:-both}
model="qwen2.5-coder-${size}"
corpus=Tests/SaimaScoringTests/RealReplies
port=${PORT:-18431}
saima=${SAIMA:-}
if [ -z "$saima" ]; then
  swift build --product saima >&2   # incremental: the binary always has this checkout's reader instruction
  saima=.build/debug/saima
fi
endpoint=()
if [ "${REPLAY:-0}" != 1 ]; then
  trap 'bash ../shared/tools/real-llm.sh "$port" stop >/dev/null 2>&1 || true' EXIT
  url=$(bash ../shared/tools/real-llm.sh "$port" "$size")
  endpoint=(--reader-endpoint "$url")
fi
parts=()
case "$part" in
  dev) parts=(dev) ;;
  heldout) parts=(heldout) ;;
  both) parts=(dev heldout) ;;
  *) echo "part: dev, heldout or both" >&2; exit 64 ;;
esac
for p in "${parts[@]}"; do
  if [ "$p" = dev ]; then record="$corpus/llm-reader/$model.jsonl"; else record="$corpus/heldout/llm-reader/$model.jsonl"; fi
  "$saima" agreement --corpus "$corpus" --reader-model "$model" ${endpoint[@]+"${endpoint[@]}"} --reader-part "$p" \
    --reader-record "$record"
done
