"""Index + search round trip with the official Python clients.

    python verify_clients.py elasticsearch http://127.0.0.1:9201
    python verify_clients.py opensearch    http://127.0.0.1:9202

Needs `pip install "elasticsearch>=8,<9"` or `pip install "opensearch-py>=2,<3"`.
"""

import sys
import uuid

FRENCH = {
    "analysis": {
        "filter": {
            "french_elision": {
                "type": "elision",
                "articles_case": True,
                "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c"],
            },
            "french_stemmer": {"type": "stemmer", "language": "light_french"},
        },
        "analyzer": {
            "french_custom": {
                "tokenizer": "standard",
                "filter": ["french_elision", "lowercase", "asciifolding", "french_stemmer"],
            },
        },
    },
}
MAPPINGS = {
    "properties": {"title": {"type": "text", "analyzer": "french_custom"}, "n": {"type": "integer"}}
}


def main(engine, url):
    index = "ci_clients_" + uuid.uuid4().hex[:8]
    if engine == "elasticsearch":
        from elasticsearch import Elasticsearch, __versionstr__ as client_version

        client = Elasticsearch(url, request_timeout=30)
        client.indices.create(index=index, settings=FRENCH, mappings=MAPPINGS)
        client.index(
            index=index,
            id="1",
            document={"title": "Les discriminations à l'égalité", "n": 1},
            refresh=True,
        )
        result = client.search(index=index, query={"match": {"title": "egalites"}})
        tokens = [
            t["token"]
            for t in client.indices.analyze(
                index=index, analyzer="french_custom", text="Les discriminations à l'égalité"
            )["tokens"]
        ]
    elif engine == "opensearch":
        from opensearchpy import OpenSearch, __versionstr__ as client_version

        client = OpenSearch(url, timeout=30)
        client.indices.create(index=index, body={"settings": FRENCH, "mappings": MAPPINGS})
        client.index(
            index=index,
            id="1",
            body={"title": "Les discriminations à l'égalité", "n": 1},
            refresh=True,
        )
        result = client.search(index=index, body={"query": {"match": {"title": "egalites"}}})
        tokens = [
            t["token"]
            for t in client.indices.analyze(
                index=index,
                body={"analyzer": "french_custom", "text": "Les discriminations à l'égalité"},
            )["tokens"]
        ]
    else:
        raise SystemExit("engine must be elasticsearch or opensearch")
    try:
        info = client.info()
        hits = result["hits"]["hits"]
        print(f"{engine}: server {info['version']['number']}, python client {client_version}")
        print(f"  analyze tokens: {tokens}")
        print(f"  search 'egalites' -> {len(hits)} hit(s): {[h['_source']['title'] for h in hits]}")
        assert client.ping(), "ping failed"
        assert len(hits) == 1 and hits[0]["_id"] == "1", result
        assert "egalit" in tokens, tokens
    finally:
        client.indices.delete(index=index)
    print("  OK")


if __name__ == "__main__":
    main(*sys.argv[1:3])
