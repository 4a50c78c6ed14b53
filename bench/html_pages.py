"""Invented news pages in realistic markup, for bench_html.py (and trying extractors by hand).

Each page is an article of about 600 words made from invented sentences, wrapped the way news
sites wrap them: a navigation bar, a cookie banner, a breaking-news ticker, a figure with a
caption, a share bar, "related" links, a newsletter box, a comment teaser and a footer, with
Open Graph tags, a canonical link and JSON-LD ``NewsArticle`` metadata. Nothing is copied from
a real site. ``page(i)`` is deterministic: the same ``i`` gives the same page.
"""

from __future__ import annotations

import html
import json
import random
from datetime import date, timedelta

COUNTRIES = ["Norway", "Chile", "Kenya", "Portugal", "Vietnam", "Canada", "Ghana", "Peru", "Austria",
             "Indonesia", "Morocco", "Finland", "Uruguay", "Senegal", "Malaysia", "Ireland"]
PEOPLE = ["Marta Ellingsen", "Tomas Avila", "Grace Wanjiru", "Rui Falcao", "Linh Tran", "Claire Dubois",
          "Kofi Mensah", "Rosa Quispe", "Anna Berger", "Budi Santoso", "Youssef Alami", "Aino Virtanen"]
ORGS = ["the United Nations", "the African Union", "NATO", "the European Union", "the World Bank"]
SENTENCES = [
    "{c1} recognized {p1} as the legitimate leader of the transitional council on {day}.",
    "The foreign ministry of {c2} said it would send a delegation to the talks in {c3} next month.",
    "{p2}, who leads the opposition coalition, accused the government of {c1} of delaying the vote.",
    "{c2} deployed about {n} peacekeepers to {c3} under a mandate from {o}.",
    "Officials in {c3} declined to comment on the report, citing the ongoing negotiations.",
    "Analysts said the decision by {c1} could push other governments to follow within weeks.",
    "{o} called on both sides to respect the ceasefire agreed in {c2} last year.",
    "Trade between {c1} and {c3} grew by {n} percent in the first quarter, according to customs data.",
    "{p1} told reporters that the agreement was a first step and that more work remained.",
    "The parliament of {c2} is expected to debate the measure before the summer recess.",
    "Protesters gathered outside the embassy of {c3} in {c1} on {day}, demanding an inquiry.",
    "{c3} withdrew its ambassador from {c2} after the dispute over fishing rights escalated.",
    "A spokesperson for {o} said the organization was monitoring the situation closely.",
    "{p2} said the sanctions imposed by {c1} had hurt farmers more than the government.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _paragraphs(rng: random.Random, words: int) -> list[str]:
    paras, count = [], 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            c1, c2, c3 = rng.sample(COUNTRIES, 3)
            p1, p2 = rng.sample(PEOPLE, 2)
            s = rng.choice(SENTENCES).format(c1=c1, c2=c2, c3=c3, p1=p1, p2=p2, o=rng.choice(ORGS),
                                             n=rng.randint(3, 900), day=rng.choice(DAYS))
            sentences.append(s[0].upper() + s[1:])
        para = " ".join(sentences)
        paras.append(para)
        count += len(para.split())
    return paras


def article(i: int, words: int = 600) -> dict:
    """The article behind page ``i``: title, date, author, url, paragraphs."""
    rng = random.Random(i)
    c1, c2 = rng.sample(COUNTRIES, 2)
    published = date(2019, 1, 1) + timedelta(days=rng.randint(0, 2000))
    return {
        "title": f"{c1} and {c2} agree on new talks as pressure grows ({i})",
        "published": published.isoformat(),
        "author": rng.choice(PEOPLE),
        "url": f"https://news.example.org/world/{published:%Y/%m/%d}/talks-{i}",
        "paragraphs": _paragraphs(rng, words),
        "caption": f"Delegates from {c1} arrive for the talks. (Photo: Example Agency)",
        "related": [f"{rng.choice(COUNTRIES)} leader visits {rng.choice(COUNTRIES)} for trade talks" for _ in range(5)],
    }


def page(i: int, words: int = 600) -> str:
    a = article(i, words)
    e = html.escape
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
                     "datePublished": a["published"] + "T08:30:00Z", "author": {"@type": "Person", "name": a["author"]},
                     "mainEntityOfPage": a["url"], "publisher": {"@type": "Organization", "name": "Example News"}})
    body = "\n".join(f"      <p>{e(p)}</p>" for p in a["paragraphs"][:2])
    body += (f'\n      <figure><img src="/img/{i}.jpg" alt="Delegates"><figcaption>{e(a["caption"])}</figcaption></figure>\n')
    body += "\n".join(f"      <p>{e(p)}</p>" for p in a["paragraphs"][2:])
    related = "\n".join(f'        <li><a href="/world/related-{i}-{k}">{e(t)}</a></li>' for k, t in enumerate(a["related"]))
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in ["World", "Politics", "Business", "Science", "Sport", "Opinion"])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{e(a["title"])} | Example News</title>
  <link rel="canonical" href="{a["url"]}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{e(a["title"])}">
  <meta property="og:url" content="{a["url"]}">
  <meta property="article:published_time" content="{a["published"]}T08:30:00Z">
  <meta name="author" content="{e(a["author"])}">
  <script type="application/ld+json">{ld}</script>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
  <link rel="stylesheet" href="/static/site.css">
</head>
<body>
  <div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience and to show you
    personalised advertising. <button>Accept all cookies</button> <a href="/privacy">Manage preferences</a></div>
  <header class="site-header"><a class="logo" href="/">Example News</a>
    <nav class="main-nav"><ul>{nav}</ul></nav>
    <div class="ticker">Breaking: markets open higher after central bank decision</div>
  </header>
  <main>
    <article class="story">
      <h1 class="headline">{e(a["title"])}</h1>
      <div class="byline">By <span class="author">{e(a["author"])}</span> ·
        <time datetime="{a["published"]}T08:30:00Z">{a["published"]}</time></div>
      <div class="share"><a href="#">Share on social</a> <a href="#">Email</a> <a href="#">Print</a></div>
{body}
    </article>
    <aside class="related"><h2>Related stories</h2>
      <ul>
{related}
      </ul>
    </aside>
    <section class="newsletter"><h2>Get the morning briefing</h2><p>Sign up for our newsletter and
      receive the top stories every weekday.</p><form><input type="email"><button>Subscribe</button></form></section>
    <section class="comments-teaser"><a href="#comments">Read 128 comments</a></section>
  </main>
  <footer><p>© 2024 Example News. All rights reserved.</p><ul><li><a href="/about">About us</a></li>
    <li><a href="/contact">Contact</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>
</body>
</html>
"""
