#!/usr/bin/env bash
# Installs the Debian packages Samordna needs when they are missing:
#   documents  Pango, HarfBuzz's subsetter and fonts, with which WeasyPrint writes PDF
#              (needed by `make run`; without the subsetter a PDF takes several times longer)
#   browser    Chromium for the end-to-end tests (needed by `make test`)
set -euo pipefail

missing=()
for need in "$@"; do
    case "$need" in
        documents)
            ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
            ldconfig -p | grep -q 'libharfbuzz-subset.so.0' || missing+=(libharfbuzz-subset0)
            [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
            ;;
        browser)
            command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
            ;;
        *)
            echo "Okänt val: $need (documents eller browser)" >&2
            exit 2
            ;;
    esac
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
echo "Installerar Debianpaket som saknas: ${missing[*]} (kräver root)." >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
