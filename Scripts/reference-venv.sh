# Sourced by the cross-check and benchmark scripts: makes sure .venv/crosscheck (git-ignored) holds
# the pinned Python reference implementations, and sets VENV to it. Expects ROOT to be set.
VENV="$ROOT/.venv/crosscheck"
REQUIREMENTS="rouge-score==0.1.2 sacrebleu==2.6.0 scipy==1.17.1"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
if [ "$(cat "$VENV/.saima-requirements" 2>/dev/null)" != "$REQUIREMENTS" ]; then
    # shellcheck disable=SC2086
    "$VENV/bin/pip" install --quiet $REQUIREMENTS
    echo "$REQUIREMENTS" > "$VENV/.saima-requirements"
fi
