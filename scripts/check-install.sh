#!/usr/bin/env bash
# Checks what `make install` delivers, as a user without Swift would get it:
#   - the release binary links no Swift or Foundation library dynamically (ldd), only the
#     system's C/C++ runtime and libcairo with what it loads, and every one of them is found;
#   - installed under a temporary PREFIX, its completions and man page are there: the bash
#     completion, sourced, completes subcommands and the type names of `describe`; zsh and
#     fish completions are theirs; the man page is the committed man/lrplot.1;
#   - copied alone to an empty directory and run with an empty environment (no Swift library
#     path), it runs: --version, values, a PNG chart, and a digits simulation (the data is
#     compiled in) that prints one row per step;
#   - `make uninstall` removes every installed file.
# Run by .ci/run after `make test`; builds the release binary (.build-dist, ~6-10 min on two
# cores from scratch) through `make install`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
fail() { echo "check-install: $*" >&2; exit 1; }

prefix=$(mktemp -d) && copy=$(mktemp -d)
trap 'rm -rf "$prefix" "$copy"' EXIT

echo "check-install: make install PREFIX=$prefix"
make --no-print-directory install PREFIX="$prefix"
bin="$prefix/bin/lrplot"
files=(bin/lrplot share/man/man1/lrplot.1 share/bash-completion/completions/lrplot
       share/zsh/site-functions/_lrplot share/fish/vendor_completions.d/lrplot.fish)
for f in "${files[@]}"; do
    test -s "$prefix/$f" || fail "$f not installed"
done
cmp -s "$bin" .build-dist/release/lrplot || fail "bin/lrplot is not the release binary of .build-dist"
cmp -s "$prefix/share/man/man1/lrplot.1" man/lrplot.1 || fail "the installed man page differs from man/lrplot.1"
grep -q '^#compdef lrplot' "$prefix/share/zsh/site-functions/_lrplot" || fail "_lrplot is not a zsh completion"
grep -q "complete -c 'lrplot'" "$prefix/share/fish/vendor_completions.d/lrplot.fish" || fail "lrplot.fish is not a fish completion"

# The bash completion, as bash-completion loads it, with the installed binary on PATH.
complete_words() { # the completions bash offers for the command line "$*" (the last word being typed)
    env -i PATH="$prefix/bin:/usr/bin:/bin" HOME="$copy" bash -c '
        source "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _lrplot lrplot "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" 2>/dev/null
        printf "%s\n" "${COMPREPLY[@]}"' bash "$prefix/share/bash-completion/completions/lrplot" "$@"
}
# (Captured first: `grep -q` stopping early would make the writer's SIGPIPE fail the pipeline.)
offered=$(complete_words lrplot '')
grep -qx describe <<<"$offered" || fail "bash completion does not offer the describe subcommand"
offered=$(complete_words lrplot describe torch.One)
grep -qx torch.OneCycleLR <<<"$offered" || fail "bash completion does not offer type names to describe: $offered"

deps=$(ldd "$bin") || fail "ldd $bin failed"
if grep -Eq 'libswift|libFoundation|libdispatch|libBlocksRuntime|/opt/swift|_FoundationICU' <<<"$deps"; then
    fail "the binary links Swift libraries dynamically:"$'\n'"$deps"
fi
if grep -q 'not found' <<<"$deps"; then
    fail "the binary needs libraries that are not installed:"$'\n'"$deps"
fi
grep -q 'libcairo.so' <<<"$deps" || fail "libcairo is not linked?"$'\n'"$deps"
# A SwiftPM resource bundle would be found through the absolute build path compiled into its
# accessor, so a copy would pass here and fail elsewhere: the binary must name none.
if grep -aq '_[A-Za-z]*\.resources' "$bin"; then
    fail "the binary looks up a SwiftPM resource bundle (*.resources): embed the data instead"
fi

# The installed binary, copied on its own, run with an empty environment.
cp "$bin" "$copy/lrplot"
cd "$copy"
run() { env -i PATH=/usr/bin:/bin HOME="$copy" ./lrplot "$@"; }
version=$(run --version) || fail "lrplot --version failed"
[[ $version =~ ^[0-9]+\.[0-9]+ ]] || fail "lrplot --version printed '$version'"
printf '%s\n' '{"steps": 30, "schedules": [{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 1, "total_steps": 30}]}' > s.json
values=$(run values s.json --at 0,29) || fail "lrplot values failed"
[[ $(wc -l <<<"$values") -eq 3 && $values == step,* ]] || fail "lrplot values printed:"$'\n'"$values"
run s.json -o s.png || fail "lrplot s.json -o s.png failed"
[[ $(head -c 8 s.png | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "s.png is not a PNG"
printf '%s\n' '{"steps": 20, "simulate": {"optimizer": {"type": "torch.SGD", "lr": 0.5}, "problem": "digits", "model": "linear"}, "schedules": [{"type": "constant", "lr": 0.5}]}' > d.json
simulated=$(run simulate d.json) || fail "lrplot simulate failed (is the digits data compiled in?)"
lines=$(wc -l <<<"$simulated")
test "$lines" -eq 21 || fail "simulate printed $lines lines, not a header and 20 steps:"$'\n'"$simulated"
leftover=$(ls -A | grep -Ev '^(lrplot|s\.json|s\.png|d\.json|\.cache)$' || true)
test -z "$leftover" || fail "the copied binary wrote unexpected files: $leftover"
cd "$root"

make --no-print-directory uninstall PREFIX="$prefix" >/dev/null
for f in "${files[@]}"; do
    test ! -e "$prefix/$f" || fail "make uninstall left $f"
done
libs=$(awk '$1 !~ /vdso/ {print $1}' <<<"$deps" | tr '\n' ' ')
echo "check-install: ok ($(du -h "$copy/lrplot" | cut -f1) binary, lrplot $version; run-time libraries: $libs)"
