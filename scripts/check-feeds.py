#!/usr/bin/env python3
"""What a feed subscriber relies on, checked on a built site (CI runs it on the whole corpus).

  scripts/check-feeds.py OUTPUT [--before OLD_OUTPUT]

- every paper of the last two trending days (read from their day pages) is in /feed.xml, /atom.xml,
  /feed.json and in the RSS and Atom feeds of each topic its card names;
- following prev-archive from each Atom feed (the site's, each topic's) visits monthly archives that
  together hold every paper of that feed exactly once;
- with --before (the same site built before the newest day was added): every closed month's archive
  that holds no paper of the new day is byte for byte as it was.
Prints one line per check and exits 1 on the first broken one.
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
HISTORY = "{http://purl.org/syndication/history/1.0}"
PAPER = re.compile(r'/papers/([^/"]+)/')
TOPIC = re.compile(r'/topics/([^/"]+)/')


def fail(message):
    print(f"check-feeds: FAIL {message}")
    sys.exit(1)


def read(out, path):
    with open(os.path.join(out, path), encoding="utf-8") as f:
        return f.read()


def days(out):
    return sorted((d for d in os.listdir(os.path.join(out, "days")) if re.fullmatch(r"\d{4}-\d\d-\d\d", d)), reverse=True)


def day_page(out, day):
    """The day's papers in page order, each with the topic slugs its card links to."""
    html = read(out, f"days/{day}/index.html")
    cards = re.findall(r"<article[^>]*>(.*?)</article>", html, re.S)
    result = []
    for card in cards:
        slug = PAPER.search(card)
        if slug:
            result.append((slug.group(1), sorted(set(TOPIC.findall(card)))))
    return result


def slug(url):
    m = PAPER.search(url)
    return m.group(1) if m else None


def rss_slugs(out, path):
    return [slug(i.findtext("link")) for i in ET.fromstring(read(out, path)).iter("item")]


def atom_slugs(root):
    return [slug(e.findtext(f"{ATOM}id")) for e in root.findall(f"{ATOM}entry")]


def link(root, rel):
    for l in root.findall(f"{ATOM}link"):
        if l.get("rel") == rel:
            return l.get("href")
    return None


def local(url):
    from urllib.parse import urlparse
    return urlparse(url).path


def page_back(out, base_path, feed):
    """Entries of every archive reached from the feed by prev-archive, and the archive files."""
    root = ET.fromstring(read(out, feed))
    entries, files = [], []
    nxt = link(root, "prev-archive")
    while nxt:
        path = local(nxt)[len(base_path):]
        if path in files:
            fail(f"{feed}: prev-archive loops at {path}")
        files.append(path)
        archive = ET.fromstring(read(out, path))
        if archive.find(f"{HISTORY}archive") is None:
            fail(f"{path}: no fh:archive element")
        for e in archive.findall(f"{ATOM}entry"):
            entries.append((slug(e.findtext(f"{ATOM}id")), {c.get("term") for c in e.findall(f"{ATOM}category")}))
        nxt = link(archive, "prev-archive")
    return entries, files


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        sys.exit(2)
    out = args[0]
    before = args[args.index("--before") + 1] if "--before" in args else None
    base_path = local(link(ET.fromstring(read(out, "atom.xml")), "self"))[: -len("atom.xml")]

    last_two = days(out)[:2]
    papers = {d: day_page(out, d) for d in last_two}
    site_feeds = {"feed.xml": rss_slugs(out, "feed.xml"), "atom.xml": atom_slugs(ET.fromstring(read(out, "atom.xml"))),
                  "feed.json": [slug(i["url"]) for i in json.loads(read(out, "feed.json"))["items"]]}
    pairs = 0
    for day, listed in papers.items():
        for paper, topics in listed:
            for name, items in site_feeds.items():
                if paper not in items:
                    fail(f"{paper} of {day} is not in /{name}")
            for topic in topics:
                for feed in ("feed.xml", "atom.xml"):
                    path = f"topics/{topic}/{feed}"
                    items = rss_slugs(out, path) if feed == "feed.xml" else atom_slugs(ET.fromstring(read(out, path)))
                    if paper not in items:
                        fail(f"{paper} of {day} is not in /{path}")
                    pairs += 1
    count = sum(len(v) for v in papers.values())
    print(f"check-feeds: the last 2 days ({', '.join(last_two)}): {count} papers in the 3 site feeds, {pairs} paper-topic feed pairs")

    all_papers = {d for d in os.listdir(os.path.join(out, "papers"))
                  if 'class="paper"' in read(out, f"papers/{d}/index.html")}
    entries, files = page_back(out, base_path, "atom.xml")
    slugs = [s for s, _ in entries]
    if len(slugs) != len(set(slugs)):
        fail("the site's archives hold a paper twice")
    if set(slugs) != all_papers:
        fail(f"the site's archives miss {len(all_papers - set(slugs))} papers and hold {len(set(slugs) - all_papers)} unknown ones")
    topic_files = 0
    for topic in sorted(os.listdir(os.path.join(out, "topics"))):
        if not os.path.exists(os.path.join(out, "topics", topic, "atom.xml")):
            continue
        name = ET.fromstring(read(out, f"topics/{topic}/atom.xml")).findtext(f"{ATOM}title").split(" · ")[0]
        topic_entries, t_files = page_back(out, base_path, f"topics/{topic}/atom.xml")
        files += t_files
        topic_files += len(t_files)
        got = [s for s, _ in topic_entries]
        if len(got) != len(set(got)):
            fail(f"topic {topic}: its archives hold a paper twice")
        expected = {s for s, names in entries if name in names}
        if set(got) != expected:
            fail(f"topic {topic}: its archives hold {len(set(got))} papers, the site's archives file {len(expected)} under it")
    print(f"check-feeds: {len(all_papers)} papers, each once in the site's {len(files) - topic_files} monthly archives; "
          f"each topic's {topic_files} archives hold exactly its papers")

    if before:
        new_day = days(out)[0]
        if new_day in days(before):
            fail("--before: the newest day is already in the old site")
        fresh = {p for p, _ in day_page(out, new_day)}
        open_month = new_day[:7].replace("-", "/")
        same = changed_ok = 0
        for path in files:
            month = re.search(r"(\d{4}/\d\d)/atom\.xml$", path).group(1)
            old = os.path.join(before, path)
            if month >= open_month or not os.path.exists(old):
                continue
            held = set(atom_slugs(ET.fromstring(read(out, path))))
            with open(old, "rb") as a, open(os.path.join(out, path), "rb") as b:
                identical = a.read() == b.read()
            if held & fresh:
                changed_ok += 1
            elif not identical:
                fail(f"{path}: a closed month's archive changed, and none of its papers trended on {new_day}")
            else:
                same += 1
        print(f"check-feeds: after the new day {new_day}, {same} closed months' archives unchanged "
              f"({changed_ok} hold a paper that trended again that day)")


if __name__ == "__main__":
    main()
