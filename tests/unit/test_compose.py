"""docker-compose.yml: loopback only, password from the environment, and the Browser style."""

from pathlib import Path

from loader.browser import compose_with_style, server_config

COMPOSE = (Path(__file__).resolve().parents[2] / "docker-compose.yml").read_text(encoding="utf-8")


def test_ports_are_bound_to_loopback_and_password_comes_from_the_environment():
    assert '"127.0.0.1:7474:7474"' in COMPOSE and '"127.0.0.1:7687:7687"' in COMPOSE
    assert 'NEO4J_AUTH: "neo4j/${NEO4J_PASSWORD:?' in COMPOSE
    assert "image: neo4j:5.26-community" in COMPOSE and "healthcheck:" in COMPOSE


def test_browser_style_on_connect_is_generated_from_style_grass_and_current():
    """docker-compose.yml's style line is made from cypher/browser/style.grass (`make browser-style`)."""
    assert compose_with_style(COMPOSE) == COMPOSE, "docker-compose.yml's Browser style is stale: run `make browser-style`"
    [line] = server_config()
    value = line.split("=", 1)[1]
    assert f"NEO4J_browser_post__connect__cmd: '{value}'" in COMPOSE
    assert '"node.Person":{"color":"#E4572E"' in value  # style.grass: node.Person { color: #E4572E; ... }


def test_a_changed_style_rewrites_only_the_style_line():
    stale = COMPOSE.replace('"#E4572E"', '"#000000"', 1)
    assert stale != COMPOSE
    assert compose_with_style(stale) == COMPOSE
