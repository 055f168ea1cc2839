#!/usr/bin/env bash
# Measures what an attacker guessing passwords sees, against a running Serambi (default: the demo).
#   deploy/bench/login-throttle.sh [base-url] [existing-user]
# Prints the response time of refused sign-ins for an existing and an unknown account (they should look
# alike), then the answers to further guesses at one account (429 with Retry-After growing 1 s, 2 s, 4 s …).
set -euo pipefail
base=${1:-http://127.0.0.1:8080}
user=${2:-admin.diskominfo}
attempt() {
  curl -s -o /dev/null -w "%{http_code} %{time_total}\n" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"salah-sekali-sandinya\"}" "$base/api/v1/sessions"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for i in 1 2 3; do attempt "pemanasan$i" >/dev/null; done
known=$(for i in 1 2 3 4 5; do attempt "$user"; done | awk '{print $2}' | median)
unknown=$(for i in 1 2 3 4 5; do attempt "tidak.ada.$RANDOM"; done | awk '{print $2}' | median)
echo "median refused sign-in: existing account ${known}s, unknown account ${unknown}s (5 tries each)"
echo "further guesses at $user, one per second:"
for i in 6 7 8 9 10 11; do
  curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"salah-sekali-sandinya\"}" "$base/api/v1/sessions" \
    | tr -d '\r' | awk -v n="$i" '/^HTTP/ {code=$2} tolower($1)=="retry-after:" {ra=$2} END {print "  attempt " n ": " code (ra ? " Retry-After " ra "s" : "")}'
  sleep 1
done
