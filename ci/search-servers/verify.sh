#!/usr/bin/env bash
# Smoke-check a running server with curl:  ci/search-servers/verify.sh URL
# Shows GET /, creates an index with a French analyzer (elision, lowercase, asciifolding,
# stemmer light_french), runs _analyze, indexes + searches one document, drops the index.
set -euo pipefail
URL="${1:?usage: $0 URL}"
IDX="ci_verify_$$"
J='Content-Type: application/json'
py() { python3 -c "$1"; }

echo "== GET /"
curl -fsS "$URL/" | py 'import json,sys; d=json.load(sys.stdin); v=d["version"]; print(v.get("distribution","elasticsearch"), v["number"], "lucene", v["lucene_version"])'

echo "== create $IDX with a French analyzer"
curl -fsS -XPUT "$URL/$IDX" -H "$J" -d '{
  "settings": {"number_of_shards": 1, "number_of_replicas": 0,
    "analysis": {
      "filter": {
        "french_elision": {"type": "elision", "articles_case": true,
          "articles": ["l","m","t","qu","n","s","j","d","c","jusqu","quoiqu","lorsqu","puisqu"]},
        "french_stemmer": {"type": "stemmer", "language": "light_french"}},
      "analyzer": {
        "french_custom": {"tokenizer": "standard",
          "filter": ["french_elision", "lowercase", "asciifolding", "french_stemmer"]}}}},
  "mappings": {"properties": {"body": {"type": "text", "analyzer": "french_custom"}}}}' >/dev/null

echo "== _analyze \"Les discriminations à l'égalité\""
tokens="$(curl -fsS "$URL/$IDX/_analyze" -H "$J" -d "{\"analyzer\": \"french_custom\", \"text\": \"Les discriminations à l'égalité\"}" \
  | py 'import json,sys; print(" ".join(t["token"] for t in json.load(sys.stdin)["tokens"]))')"
echo "tokens: $tokens"
case " $tokens " in *" egalit "*) ;; *) echo "FAIL: expected token egalit" >&2; exit 1 ;; esac
case " $tokens " in *" discrimin"*) ;; *) echo "FAIL: expected token discrimin..." >&2; exit 1 ;; esac

echo "== index + search"
curl -fsS -XPUT "$URL/$IDX/_doc/1?refresh=true" -H "$J" -d '{"body": "Lutte contre les discriminations et pour l'"'"'égalité"}' >/dev/null
hits="$(curl -fsS "$URL/$IDX/_search" -H "$J" -d '{"query": {"match": {"body": "EGALITES"}}}' \
  | py 'import json,sys; print(json.load(sys.stdin)["hits"]["total"]["value"])')"
echo "hits for 'EGALITES': $hits"
[ "$hits" = 1 ] || { echo "FAIL: expected 1 hit" >&2; exit 1; }

curl -fsS -XDELETE "$URL/$IDX" >/dev/null
echo "OK $URL"
