#!/usr/bin/env python3
"""Generate a synthetic LookML project for the LookML Toolkit benchmarks.

    python3 make_project.py OUT_DIR [--scale N] [--seed S] [--force]

The project models Braze Currents event tables (one table per event type) for a
number of "workspaces" (a Braze app group in one warehouse schema). Each
workspace owns one model, one view per Currents table, a set of analysis views
over long derived-table SQL, and one file of explore/view refinements. The
manifest defines the constants the views use.

Properties the benchmarks rely on:
- Deterministic: the output depends only on (seed, scale, this file). There are
  no timestamps, every random choice comes from a generator seeded by the seed
  and the file's path, and files are written in a fixed order with '\\n' line
  endings. Two runs produce byte-identical trees.
- Linear: --scale N generates N times as many workspaces (files), not bigger
  files, so the bytes grow linearly. The workspaces of scale N are a prefix of
  those of scale M > N.
- Valid: every file parses with the Python `lkml` library and with `lkmlfmt`.
  Formatting varies on purpose (one-line blocks, blank lines, trailing comments,
  `;;` placement) so formatters have work to do.

Everything here is synthetic: names, SQL and descriptions are made up for the
benchmark and describe no real project.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

GENERATOR_VERSION = 1
WORKSPACES_PER_SCALE = 36
# How wide the event views are (--wide): the percent of a view's dimensions that get a documented segment dimension
# and a distinct count; every full 100 adds one such round over all of them. 0 keeps the compact views of the
# original benchmark (about 7 KB per file); 160 gives the wide views of a large real project (about 27 KB per file).
WIDE = 0
MARKER = ".make_project"

# --------------------------------------------------------------------------------------------------
# LookML values and a renderer with seeded formatting quirks
# --------------------------------------------------------------------------------------------------


class Lit(str):
    """A bare literal: yes, count, view.field."""


class Str(str):
    """A quoted string."""


class Expr(str):
    """An expression block that runs to `;;` (sql, html, sql_on, ...)."""


class Items(list):
    """A list of bare items: [a, b, -view.c, set*]."""


class Pairs(list):
    """A list of (field, value) pairs: [view.f: "x", g: "-NULL"]."""


@dataclass
class Node:
    """A block `key: name { props }` (name None gives `key: { props }`)."""

    key: str
    name: str | None
    props: list = field(default_factory=list)  # (key, value) tuples or Nodes
    comment: str | None = None  # a comment line written above the block


@dataclass
class Style:
    """Per-file formatting habits, drawn from the file's generator."""

    one_line: float  # chance a short block is written on one line
    blank: float  # chance of a blank line between sibling blocks
    trailing_comment: float  # chance of a trailing comment on a pair
    sql_own_line: float  # chance a multi-line expression starts on the line after `sql:`
    trailing_comma: float  # chance a multi-line list ends with a comma
    indent: str  # two spaces in most files, four in a few

    @staticmethod
    def draw(rng: random.Random) -> "Style":
        return Style(
            one_line=rng.choice([0.0, 0.1, 0.3]),
            blank=rng.choice([0.5, 0.9, 1.0]),
            trailing_comment=rng.choice([0.0, 0.02, 0.05]),
            sql_own_line=rng.choice([0.2, 0.8]),
            trailing_comma=rng.choice([0.0, 0.5]),
            indent="    " if rng.random() < 0.1 else "  ",
        )


TRAILING_COMMENTS = ["# reviewed", "# keep in sync with Braze docs", "# TODO: confirm with CRM team",
                     "# see manifest constants", "# analysts asked for this", "# do not rename"]


def q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Renderer:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.style = Style.draw(rng)
        self.indent = self.style.indent
        self.lines: list[str] = []

    # -- public -------------------------------------------------------------------------------------
    def comment(self, text: str, depth: int = 0) -> None:
        for line in text.split("\n"):
            self.lines.append(f"{self.indent * depth}# {line}".rstrip())

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def top(self, items: list) -> None:
        """Top-level pairs and blocks, separated by blank lines."""
        for item in items:
            if isinstance(item, Node):
                self.blank()
                self.node(item, 0)
            else:
                self.pair(item[0], item[1], 0)

    def text(self) -> str:
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n"

    # -- blocks -------------------------------------------------------------------------------------
    def node(self, n: Node, depth: int) -> None:
        pad = self.indent * depth
        if n.comment:
            self.comment(n.comment, depth)
        head = f"{n.key}: {n.name} {{" if n.name is not None else f"{n.key}: {{"
        one = self._one_line(n)
        if one is not None and self.rng.random() < self.style.one_line:
            self.lines.append(f"{pad}{head} {one} }}")
            return
        trailing = self._trailing()
        self.lines.append(f"{pad}{head}{trailing}")
        previous_was_block = False
        for item in n.props:
            if isinstance(item, Node):
                if previous_was_block and self.rng.random() < self.style.blank:
                    self.blank()
                self.node(item, depth + 1)
                previous_was_block = True
            else:
                self.pair(item[0], item[1], depth + 1)
                previous_was_block = False
        self.lines.append(f"{pad}}}")

    def _one_line(self, n: Node) -> str | None:
        parts = []
        for item in n.props:
            if isinstance(item, Node):
                return None
            key, value = item
            if isinstance(value, Expr):
                if "\n" in value:
                    return None
                parts.append(f"{key}: {value} ;;")
            else:
                rendered = self._inline(value)
                if rendered is None:
                    return None
                parts.append(f"{key}: {rendered}")
        text = " ".join(parts)
        return text if len(text) <= 110 else None

    def _trailing(self) -> str:
        if self.rng.random() < self.style.trailing_comment:
            return "  " + self.rng.choice(TRAILING_COMMENTS)
        return ""

    # -- pairs --------------------------------------------------------------------------------------
    def pair(self, key: str, value, depth: int) -> None:
        pad = self.indent * depth
        if isinstance(value, Expr):
            self._expr(key, value, depth)
            return
        inline = self._inline(value)
        if inline is not None and (len(pad) + len(key) + len(inline) <= 100 or isinstance(value, Str)):
            self.lines.append(f"{pad}{key}: {inline}{self._trailing()}")
            return
        # Long lists: one item per line.
        rendered = [self._item(v) for v in value]
        self.lines.append(f"{pad}{key}: [")
        for i, item in enumerate(rendered):
            last = i == len(rendered) - 1
            comma = "," if not last or self.rng.random() < self.style.trailing_comma else ""
            self.lines.append(f"{pad}{self.indent}{item}{comma}")
        self.lines.append(f"{pad}]")

    def _expr(self, key: str, value: str, depth: int) -> None:
        pad = self.indent * depth
        body = value.split("\n")
        if len(body) == 1:
            self.lines.append(f"{pad}{key}: {value} ;;")
            return
        inner = pad + self.indent
        if self.rng.random() < self.style.sql_own_line:
            self.lines.append(f"{pad}{key}:")
            self.lines.extend((inner + line).rstrip() for line in body)
            self.lines.append(f"{inner};;")
        else:
            self.lines.append(f"{pad}{key}: {body[0]}")
            self.lines.extend((inner + line).rstrip() for line in body[1:-1])
            self.lines.append(f"{inner}{body[-1]} ;;")

    def _inline(self, value) -> str | None:
        if isinstance(value, Str):
            return q(value)
        if isinstance(value, Lit):
            return str(value)
        if isinstance(value, (Items, Pairs)):
            text = "[" + ", ".join(self._item(v) for v in value) + "]"
            return text if len(text) <= 80 else None
        raise TypeError(f"cannot render {value!r}")

    @staticmethod
    def _item(v) -> str:
        if isinstance(v, tuple):
            return f"{v[0]}: {q(v[1])}"
        return str(v)


# --------------------------------------------------------------------------------------------------
# Currents tables (see /work/shared/currents.md for the source facts)
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    name: str  # upper-case physical name
    kind: str  # id, str, bool, float, int, json, email, url, platform, flag
    group: str  # group_label in the view


@dataclass(frozen=True)
class Table:
    key: str  # view suffix, e.g. email_open
    stem: str  # warehouse table stem
    channel: str  # email, push, inapp, webhook, newsfeed, conversion, contentcard, sms, behavior
    label: str
    campaign: bool = True  # campaign and message-variation ids
    canvas: bool = True  # Canvas ids
    send: bool = True  # SEND_ID and DISPATCH_ID
    device: str = ""  # "", "basic" or "full"
    extras: tuple = ()  # Columns beyond the common sets


def _c(name: str, kind: str = "str", group: str = "Message") -> Column:
    return Column(name, kind, group)


EMAIL = _c("EMAIL_ADDRESS", "email", "Recipient")
UA = _c("USER_AGENT")
IP_POOL = _c("IP_POOL", group="Delivery")
ESP = _c("ESP", group="Delivery")
FROM_DOMAIN = _c("FROM_DOMAIN", group="Delivery")
SENDING_IP = _c("SENDING_IP", group="Delivery")
IS_AMP = _c("IS_AMP", "bool")
CARD = _c("CARD_API_ID", "id", "Card")
SESSION = _c("SESSION_ID", "id", "Session")
PROPERTIES = _c("PROPERTIES", "json", "Properties")

TABLES: tuple[Table, ...] = (
    Table("push_send", "USERS_MESSAGES_PUSHNOTIFICATION_SEND", "push", "Push sends",
          extras=(_c("PUSH_TOKEN"), _c("PLATFORM", "platform", "Device"), _c("AD_ID"), _c("AD_ID_TYPE"),
                  _c("AD_TRACKING_ENABLED", "bool"), _c("MESSAGE_EXTRAS", "json"), _c("IS_SAMPLED", "bool"))),
    Table("push_open", "USERS_MESSAGES_PUSHNOTIFICATION_OPEN", "push", "Push opens", device="full",
          extras=(_c("BUTTON_STRING"), _c("BUTTON_ACTION_TYPE"), _c("SLIDE_ID"), _c("SLIDE_ACTION_TYPE"))),
    Table("push_influenced_open", "USERS_MESSAGES_PUSHNOTIFICATION_INFLUENCEDOPEN", "push", "Push influenced opens",
          device="basic"),
    Table("push_ios_foreground", "USERS_MESSAGES_PUSHNOTIFICATION_IOSFOREGROUND", "push", "Push iOS foreground",
          device="basic"),
    Table("push_bounce", "USERS_MESSAGES_PUSHNOTIFICATION_BOUNCE", "push", "Push bounces",
          extras=(_c("PUSH_TOKEN"), _c("PLATFORM", "platform", "Device"))),
    Table("email_send", "USERS_MESSAGES_EMAIL_SEND", "email", "Email sends",
          extras=(EMAIL, IP_POOL, ESP, FROM_DOMAIN, _c("MESSAGE_EXTRAS", "json"))),
    Table("email_delivery", "USERS_MESSAGES_EMAIL_DELIVERY", "email", "Email deliveries",
          extras=(EMAIL, SENDING_IP, IP_POOL, ESP, FROM_DOMAIN)),
    Table("email_open", "USERS_MESSAGES_EMAIL_OPEN", "email", "Email opens",
          extras=(EMAIL, UA, IP_POOL, _c("MACHINE_OPEN", "flag"), IS_AMP)),
    Table("email_click", "USERS_MESSAGES_EMAIL_CLICK", "email", "Email clicks",
          extras=(EMAIL, _c("URL", "url"), UA, _c("LINK_ID"), _c("LINK_ALIAS"), IS_AMP)),
    Table("email_bounce", "USERS_MESSAGES_EMAIL_BOUNCE", "email", "Email hard bounces",
          extras=(EMAIL, SENDING_IP, _c("BOUNCE_REASON"), _c("IS_DROP", "bool"))),
    Table("email_soft_bounce", "USERS_MESSAGES_EMAIL_SOFTBOUNCE", "email", "Email soft bounces",
          extras=(EMAIL, SENDING_IP, _c("BOUNCE_REASON"))),
    Table("email_spam", "USERS_MESSAGES_EMAIL_MARKASSPAM", "email", "Email spam reports", extras=(EMAIL, UA)),
    Table("email_unsubscribe", "USERS_MESSAGES_EMAIL_UNSUBSCRIBE", "email", "Email unsubscribes", extras=(EMAIL,)),
    Table("inapp_impression", "USERS_MESSAGES_INAPPMESSAGE_IMPRESSION", "inapp", "In-app impressions",
          device="full", extras=(CARD, _c("VERSION"))),
    Table("inapp_click", "USERS_MESSAGES_INAPPMESSAGE_CLICK", "inapp", "In-app clicks",
          device="full", extras=(CARD, _c("VERSION"), _c("BUTTON_ID"))),
    Table("webhook_send", "USERS_MESSAGES_WEBHOOK_SEND", "webhook", "Webhook sends"),
    Table("newsfeed_impression", "USERS_BEHAVIORS_APP_NEWSFEEDIMPRESSION", "newsfeed", "News Feed impressions",
          campaign=False, canvas=False, send=False, device="full"),
    Table("newsfeed_card_impression", "USERS_MESSAGES_NEWSFEEDCARD_IMPRESSION", "newsfeed",
          "News Feed card impressions", campaign=False, canvas=False, send=False, device="full", extras=(CARD,)),
    Table("newsfeed_card_click", "USERS_MESSAGES_NEWSFEEDCARD_CLICK", "newsfeed", "News Feed card clicks",
          campaign=False, canvas=False, send=False, device="full", extras=(CARD,)),
    Table("campaign_conversion", "USERS_CAMPAIGNS_CONVERSION", "conversion", "Campaign conversions", canvas=False,
          extras=(_c("CONVERSION_BEHAVIOR_INDEX", "int", "Conversion"),)),
    Table("canvas_conversion", "USERS_CANVAS_CONVERSION", "conversion", "Canvas conversions", campaign=False,
          extras=(_c("CONVERSION_BEHAVIOR_INDEX", "int", "Conversion"),)),
    Table("canvas_entry", "USERS_CANVAS_ENTRY", "conversion", "Canvas entries", campaign=False, send=False,
          extras=(_c("IN_CONTROL_GROUP", "bool", "Conversion"),)),
    Table("campaign_control_enrollment", "USERS_CAMPAIGNS_ENROLLINCONTROL", "conversion",
          "Campaign control-group enrollments", canvas=False, send=False),
    Table("content_card_send", "USERS_MESSAGES_CONTENTCARD_SEND", "contentcard", "Content Card sends",
          device="basic", extras=(_c("CONTENT_CARD_ID", "id", "Card"),)),
    Table("content_card_impression", "USERS_MESSAGES_CONTENTCARD_IMPRESSION", "contentcard",
          "Content Card impressions", device="full", extras=(_c("CONTENT_CARD_ID", "id", "Card"),)),
    Table("content_card_click", "USERS_MESSAGES_CONTENTCARD_CLICK", "contentcard", "Content Card clicks",
          device="full", extras=(_c("CONTENT_CARD_ID", "id", "Card"),)),
    Table("content_card_dismiss", "USERS_MESSAGES_CONTENTCARD_DISMISS", "contentcard", "Content Card dismissals",
          device="basic", extras=(_c("CONTENT_CARD_ID", "id", "Card"),)),
    Table("sms_send", "USERS_MESSAGES_SMS_SEND", "sms", "SMS sends",
          extras=(_c("TO_PHONE_NUMBER", group="Recipient"), _c("SUBSCRIPTION_GROUP_API_ID", "id"))),
    Table("sms_delivery", "USERS_MESSAGES_SMS_DELIVERY", "sms", "SMS deliveries",
          extras=(_c("TO_PHONE_NUMBER", group="Recipient"), _c("SUBSCRIPTION_GROUP_API_ID", "id"))),
    Table("sms_delivery_failure", "USERS_MESSAGES_SMS_DELIVERYFAILURE", "sms", "SMS delivery failures",
          extras=(_c("TO_PHONE_NUMBER", group="Recipient"), _c("SUBSCRIPTION_GROUP_API_ID", "id"), _c("ERROR"))),
    Table("sms_rejection", "USERS_MESSAGES_SMS_REJECTION", "sms", "SMS rejections",
          extras=(_c("TO_PHONE_NUMBER", group="Recipient"), _c("SUBSCRIPTION_GROUP_API_ID", "id"), _c("ERROR"))),
    Table("custom_event", "USERS_BEHAVIORS_CUSTOMEVENT", "behavior", "Custom events", campaign=False,
          canvas=False, send=False, device="basic", extras=(_c("NAME", group="Event"), PROPERTIES, _c("AD_ID"))),
    Table("purchase", "USERS_BEHAVIORS_PURCHASE", "behavior", "Purchases", campaign=False, canvas=False,
          send=False, device="basic",
          extras=(_c("PRODUCT_ID", group="Purchase"), _c("PRICE", "float", "Purchase"),
                  _c("CURRENCY", group="Purchase"), PROPERTIES)),
    Table("session_start", "USERS_BEHAVIORS_APP_SESSIONSTART", "behavior", "Session starts", campaign=False,
          canvas=False, send=False, device="basic", extras=(SESSION,)),
    Table("session_end", "USERS_BEHAVIORS_APP_SESSIONEND", "behavior", "Session ends", campaign=False,
          canvas=False, send=False, device="basic", extras=(SESSION, _c("DURATION", "float", "Session"))),
    Table("first_session", "USERS_BEHAVIORS_APP_FIRSTSESSION", "behavior", "First sessions", campaign=False,
          canvas=False, send=False, device="basic", extras=(SESSION,)),
    Table("location", "USERS_BEHAVIORS_LOCATION", "behavior", "Locations", campaign=False, canvas=False,
          send=False, device="basic",
          extras=(_c("LATITUDE", "float", "Location"), _c("LONGITUDE", "float", "Location"),
                  _c("ALTITUDE", "float", "Location"), _c("LL_ACCURACY", "float", "Location"),
                  _c("ALT_ACCURACY", "float", "Location"))),
    Table("uninstall", "USERS_BEHAVIORS_UNINSTALL", "behavior", "Uninstalls", campaign=False, canvas=False,
          send=False),
    Table("install_attribution", "USERS_BEHAVIORS_INSTALLATTRIBUTION", "behavior", "Install attributions",
          campaign=False, canvas=False, send=False, extras=(_c("SOURCE", group="Attribution"),)),
)
TABLE_BY_KEY = {t.key: t for t in TABLES}

JSON_KEYS = ["plan", "source", "screen", "experiment", "coupon_code", "category", "sku", "tier", "locale",
             "utm_campaign", "utm_medium", "referrer", "cart_size", "channel", "ab_bucket"]
PLATFORMS = [("ios", "iOS"), ("android", "Android"), ("web", "Web"), ("kindle", "Kindle"), ("tvos", "tvOS")]
CHANNEL_LABELS = {"email": "Email", "push": "Push", "inapp": "In-app messages", "webhook": "Webhooks",
                  "newsfeed": "News Feed", "conversion": "Conversions", "contentcard": "Content Cards",
                  "sms": "SMS", "behavior": "User behavior"}
REGIONS = ["us", "eu", "ap", "ca", "br", "jp", "au", "in"]
BRANDS = ["Northwind", "Bluebird", "Kestrel", "Lumen", "Orchard", "Tidepool", "Harbor", "Cobalt", "Juniper",
          "Marlow", "Sable", "Vireo"]


# --------------------------------------------------------------------------------------------------
# Workspaces, layouts and SQL dialects
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dialect:
    name: str
    upper: bool

    def col(self, name: str) -> str:
        return name if self.upper else name.lower()

    def table(self, name: str) -> str:
        return name if self.upper else name.lower()

    def epoch(self, expr: str) -> str:
        return f"TO_TIMESTAMP({expr})"

    def json(self, expr: str, key: str) -> str:
        if self.upper:
            return f"PARSE_JSON({expr}):{key}::STRING"
        return f"({expr}::json)->>'{key}'"

    def days_between(self, start: str, end: str) -> str:
        if self.upper:
            return f"DATEDIFF('day', {start}, {end})"
        return f"(({end})::date - ({start})::date)"

    def days_ago(self, n: str) -> str:
        if self.upper:
            return f"DATEADD('day', -{n}, CURRENT_DATE())"
        return f"(CURRENT_DATE - INTERVAL '{n} days')"


SNOWFLAKE = Dialect("snowflake", True)
POSTGRES = Dialect("postgres", False)


@dataclass(frozen=True)
class Workspace:
    key: str  # view-name prefix, e.g. us01
    brand: str
    layout: str  # shared or legacy
    dialect: Dialect

    @staticmethod
    def make(index: int, seed: str) -> "Workspace":
        rng = random.Random(f"{seed}/workspace/{index}")
        region = REGIONS[index % len(REGIONS)]
        key = f"{region}{index // len(REGIONS) + 1:02d}"
        layout = "legacy" if rng.random() < 0.3 else "shared"
        dialect = POSTGRES if rng.random() < 0.2 else SNOWFLAKE
        return Workspace(key, rng.choice(BRANDS), layout, dialect)

    def view(self, table_key: str) -> str:
        return f"{self.key}_{table_key}"

    def id_col(self, logical: str) -> str:
        """Physical id column for a logical id in this layout."""
        shared = {"campaign": "CAMPAIGN_API_ID", "variation": "MESSAGE_VARIATION_API_ID", "canvas": "CANVAS_API_ID",
                  "canvas_variation": "CANVAS_VARIATION_API_ID", "step": "CANVAS_STEP_API_ID", "app": "APP_API_ID",
                  "card": "CARD_API_ID"}
        legacy = {"campaign": "CAMPAIGN_ID", "variation": "MESSAGE_VARIATION_ID", "canvas": "CANVAS_ID",
                  "canvas_variation": "CANVAS_VARIATION_ID", "step": "CANVAS_STEP_ID", "app": "APP_ID",
                  "card": "CARD_ID"}
        return (shared if self.layout == "shared" else legacy)[logical]

    def table_name(self, table: Table) -> str:
        stem = table.stem + ("_SHARED" if self.layout == "shared" else "")
        return f"@{{{self.key}_database}}.@{{{self.key}_schema}}.{self.dialect.table(stem)}"

    def columns(self, table: Table) -> list[Column]:
        cols = [_c("ID", "id", "Identifiers"), _c("USER_ID", "id", "Identifiers"),
                _c("EXTERNAL_USER_ID", "id", "Identifiers")]
        if table.device:
            cols += [_c("DEVICE_ID", "id", "Device"), _c("SDK_VERSION", group="Device"),
                     _c("PLATFORM", "platform", "Device"), _c("OS_VERSION", group="Device"),
                     _c("DEVICE_MODEL", group="Device")]
            if table.device == "full":
                cols += [_c("RESOLUTION", group="Device"), _c("CARRIER", group="Device"),
                         _c("BROWSER", group="Device")]
        cols += [_c("TIME", "epoch", "Event"), _c("TIMEZONE", group="Event")]
        if table.send:
            cols += [_c("SEND_ID", "id", "Send"), _c("DISPATCH_ID", "id", "Send")]
        if table.campaign:
            cols += [_c("CAMPAIGN_ID", "id", "Campaign"), _c(self.id_col("variation"), "id", "Campaign")]
            if self.layout == "shared":
                cols.append(_c("CAMPAIGN_API_ID", "id", "Campaign"))
            else:
                cols.append(_c("CAMPAIGN_NAME", group="Campaign"))
        if table.canvas:
            cols += [_c("CANVAS_ID", "id", "Canvas"), _c(self.id_col("canvas_variation"), "id", "Canvas"),
                     _c(self.id_col("step"), "id", "Canvas")]
            if self.layout == "shared":
                cols.append(_c("CANVAS_API_ID", "id", "Canvas"))
            else:
                cols.append(_c("CANVAS_NAME", group="Canvas"))
        if self.layout == "shared":
            cols += [_c("APP_GROUP_ID", "id", "Identifiers"), _c("APP_GROUP_API_ID", "id", "Identifiers"),
                     _c("GENDER", group="User"), _c("COUNTRY", group="User"), _c("LANGUAGE", group="User")]
        cols.append(_c(self.id_col("app"), "id", "Identifiers"))
        seen = {c.name for c in cols}
        for extra in table.extras:
            if extra.name == "CARD_API_ID":
                extra = _c(self.id_col("card"), "id", "Card")
            if extra.name == "MESSAGE_EXTRAS" and self.layout == "legacy" and table.channel == "push":
                continue
            if extra.name not in seen:
                cols.append(extra)
                seen.add(extra.name)
        if self.layout == "shared":
            cols.append(_c("SF_CREATED_AT", "ts", "Event"))
        return cols


# --------------------------------------------------------------------------------------------------
# Event views
# --------------------------------------------------------------------------------------------------


@dataclass
class ViewInfo:
    """What other files may reference in a view."""

    name: str
    table: Table | None
    dimensions: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    has: set = field(default_factory=set)  # column names (upper) present


def dim_name(col: str) -> str:
    return col.lower()


def human(name: str) -> str:
    words = [w.upper() if w in ("id", "api", "ip", "sdk", "os", "esp", "amp", "sms", "url", "ad") else w
             for w in name.split("_") if w]
    if words:
        words[0] = words[0][0].upper() + words[0][1:]
    return " ".join(words)


def column_dimension(ws: Workspace, col: Column, rng: random.Random) -> list[Node]:
    """The dimension(s) for one column."""
    d = ws.dialect
    phys = d.col(col.name)
    quoted = d.upper and rng.random() < 0.15
    ref = f'${{TABLE}}."{phys}"' if quoted else f"${{TABLE}}.{phys}"
    name = dim_name(col.name)
    props: list = []
    out: list[Node] = []
    if col.kind == "id":
        props.append(("type", Lit("string")))
        if col.name == "ID":
            props.insert(0, ("primary_key", Lit("yes")))
            props.append(("hidden", Lit("yes")))
        props.append(("sql", Expr(ref)))
        if col.name in ("APP_GROUP_ID", "CAMPAIGN_ID", "CANVAS_ID", "SEND_ID"):
            props.append(("hidden", Lit("yes")))
        if col.name in ("CAMPAIGN_API_ID", "CANVAS_API_ID", "CAMPAIGN_ID", "CANVAS_ID") and col.name != "ID":
            kind = "campaigns" if "CAMPAIGN" in col.name else "canvas"
            props.append(Node("link", None, [
                ("label", Str(f"Open in Braze ({ws.brand})")),
                ("url", Str(f"@{{{ws.key}_dashboard_url}}/engagement/{kind}/{{{{ value | url_encode }}}}")),
                ("icon_url", Str("https://www.braze.com/favicon.ico")),
            ]))
        if col.name == "EXTERNAL_USER_ID":
            props.append(("label", Str("External user ID")))
            props.append(("description", Str("The customer's own user id; Looker Actions send it back as external_id.")))
            props.append(("tags", Items([Lit('"braze_id"')])))
    elif col.kind == "epoch":
        return []  # handled by the dimension group
    elif col.kind == "ts":
        return []
    elif col.kind == "bool":
        props += [("type", Lit("yesno")), ("sql", Expr(ref))]
        name = "is_" + name if not name.startswith(("is_", "in_")) else name
    elif col.kind == "flag":
        props += [("type", Lit("yesno")), ("sql", Expr(f"{ref} = 'true'"))]
        name = "is_machine_open"
        props.append(("description", Str("Opens that mail-privacy proxies triggered, not people.")))
    elif col.kind == "float":
        props += [("type", Lit("number")), ("sql", Expr(ref)),
                  ("value_format_name", Lit(rng.choice(["decimal_2", "decimal_0", "usd"] if col.name == "PRICE"
                                                       else ["decimal_2", "decimal_4"])))]
    elif col.kind == "int":
        props += [("type", Lit("number")), ("sql", Expr(ref))]
    elif col.kind == "email":
        props += [("type", Lit("string")), ("sql", Expr(f"LOWER({ref})")),
                  ("html", Expr('<a href="mailto:{{ value }}">{{ value }}</a>'))]
        out.append(Node("dimension", "email_domain", [
            ("type", Lit("string")), ("group_label", Str(col.group)),
            ("sql", Expr(f"SPLIT_PART(${{{name}}}, '@', 2)")),
        ]))
    elif col.kind == "url":
        props += [("type", Lit("string")), ("sql", Expr(ref)),
                  Node("link", None, [("label", Str("Open link")), ("url", Str("{{ value }}"))])]
    elif col.kind == "platform":
        whens = [Node("when", None, [("sql", Expr(f"LOWER({ref}) = '{code}'")), ("label", Str(label))])
                 for code, label in PLATFORMS[: rng.randint(3, 5)]]
        props.append(Node("case", None, whens + [("else", Str("Other"))]))
        props.append(("suggestions", Items([Lit(q(label)) for _, label in PLATFORMS[:3]])))
        out.append(Node("dimension", "platform_raw", [("type", Lit("string")), ("hidden", Lit("yes")),
                                                      ("sql", Expr(ref))]))
    elif col.kind == "json":
        props += [("type", Lit("string")), ("hidden", Lit("yes")), ("sql", Expr(ref))]
        for key in rng.sample(JSON_KEYS, rng.randint(2, 5)):
            out.append(Node("dimension", f"{name}_{key}", [
                ("type", Lit("string")), ("group_label", Str(human(name))),
                ("label", Str(f"{human(key)} ({name.replace('_', ' ')})")),
                ("sql", Expr(d.json(f"${{{name}}}", key))),
            ]))
    else:
        props += [("type", Lit("string")), ("sql", Expr(ref))]
    if col.group and not any(isinstance(p, tuple) and p[0] == "group_label" for p in props) \
            and rng.random() < 0.6:
        props.insert(1, ("group_label", Str(col.group)))
    return [Node("dimension", name, props)] + out


def event_view(ws: Workspace, table: Table, rng: random.Random) -> tuple[list, ViewInfo]:
    d = ws.dialect
    view = ws.view(table.key)
    info = ViewInfo(view, table)
    cols = ws.columns(table)
    info.has = {c.name for c in cols}
    fields: list = [("sql_table_name", Expr(ws.table_name(table)))]
    if rng.random() < 0.5:
        fields.append(("label", Str(table.label)))

    # Dimensions, grouped by column group with a comment heading each group.
    last_group = None
    for col in cols:
        nodes = column_dimension(ws, col, rng)
        if nodes and col.group != last_group:
            if rng.random() < 0.7:
                nodes[0].comment = f"--- {col.group} ---"
            last_group = col.group
        for n in nodes:
            fields.append(n)
            info.dimensions.append(n.name)
        if col.name == "LATITUDE" and "LONGITUDE" in info.has:
            fields.append(Node("dimension", "position", [
                ("type", Lit("location")),
                ("sql_latitude", Expr(f"${{TABLE}}.{d.col('LATITUDE')}")),
                ("sql_longitude", Expr(f"${{TABLE}}.{d.col('LONGITUDE')}")),
            ]))
            info.dimensions.append("position")

    if WIDE:
        fields += wide_fields(ws, info, rng)

    # Time.
    timeframes = ["raw", "time", "date", "week", "month", "quarter", "year"]
    extra_tf = rng.sample(["hour_of_day", "day_of_week", "week_of_year", "month_name", "hour", "minute15"],
                          rng.randint(0, 3))
    fields.append(Node("dimension_group", "event", [
        ("type", Lit("time")), ("datatype", Lit("epoch")),
        ("timeframes", Items([Lit(t) for t in timeframes + extra_tf])),
        ("sql", Expr(f"${{TABLE}}.{d.col('TIME')}")),
        ("description", Str("When the event happened (UNIX epoch seconds, converted to the query time zone).")),
    ], comment="Currents stores TIME as integer epoch seconds"))
    info.dimensions += [f"event_{t}" for t in timeframes + extra_tf]
    fields.append(Node("dimension_group", "event_local", [
        ("type", Lit("time")), ("timeframes", Items([Lit("time"), Lit("date"), Lit("hour_of_day")])),
        ("convert_tz", Lit("no")),
        ("sql", Expr(f"CONVERT_TIMEZONE(${{TABLE}}.{d.col('TIMEZONE')}, {d.epoch('${TABLE}.' + d.col('TIME'))})")),
        ("group_label", Str("Event (user's time zone)")),
    ]))
    info.dimensions += ["event_local_time", "event_local_date", "event_local_hour_of_day"]
    if "SF_CREATED_AT" in info.has:
        fields.append(Node("dimension_group", "landed", [
            ("type", Lit("time")), ("timeframes", Items([Lit("raw"), Lit("time"), Lit("date")])),
            ("sql", Expr(f"${{TABLE}}.{d.col('SF_CREATED_AT')}")), ("hidden", Lit("yes")),
        ]))
        fields.append(Node("dimension_group", "landing_delay", [
            ("type", Lit("duration")), ("intervals", Items([Lit("second"), Lit("minute"), Lit("hour")])),
            ("sql_start", Expr(d.epoch(f"${{TABLE}}.{d.col('TIME')}"))),
            ("sql_end", Expr(f"${{landed_raw}}")),
        ]))
        info.dimensions += ["landed_raw", "landed_time", "landed_date", "seconds_landing_delay",
                            "minutes_landing_delay", "hours_landing_delay"]

    # A parameter and a templated filter with Liquid.
    fields.append(Node("parameter", "period", [
        ("type", Lit("unquoted")), ("default_value", Str("day")),
    ] + [Node("allowed_value", None, [("label", Str(label)), ("value", Str(value))])
         for label, value in [("Day", "day"), ("Week", "week"), ("Month", "month")]]))
    fields.append(Node("dimension", "event_period", [
        ("type", Lit("string")), ("label_from_parameter", Lit("period")),
        ("sql", Expr("{% if period._parameter_value == 'week' %}\n  ${event_week}\n"
                     "{% elsif period._parameter_value == 'month' %}\n  ${event_month}\n"
                     "{% else %}\n  ${event_date}\n{% endif %}")),
    ]))
    info.dimensions.append("event_period")
    if table.campaign:
        fields.append(Node("filter", "campaign_select", [
            ("type", Lit("string")), ("suggest_dimension", Lit(dim_name(ws.id_col("campaign"))
                                                              if ws.layout == "shared" else "campaign_name")),
        ]))
        fields.append(Node("dimension", "is_selected_campaign", [
            ("type", Lit("yesno")),
            ("sql", Expr(f"{{% condition campaign_select %}} ${{TABLE}}.{d.col(ws.id_col('campaign'))} "
                         "{% endcondition %}")),
        ]))
        info.dimensions.append("is_selected_campaign")

    # Measures.
    measures = event_measures(ws, table, info)
    if measures:
        measures[0].comment = "=== Measures ==="
    for m in measures:
        fields.append(m)
        info.measures.append(m.name)

    # Sets.
    detail = [x for x in ["id", "user_id", "external_user_id", "event_time", dim_name(ws.id_col("campaign")),
                          "email_address", "platform", "name", "product_id"] if x in info.dimensions]
    fields.append(Node("set", "detail", [("fields", Items([Lit(x) for x in detail]))]))
    ids = [x for x in info.dimensions if x.endswith("_id") and x != "id"]
    fields.append(Node("set", "identifiers", [("fields", Items([Lit(x) for x in ids]))]))
    return fields, info


def wide_fields(ws: Workspace, info: ViewInfo, rng: random.Random) -> list[Node]:
    """Segment dimensions and distinct-count measures over WIDE percent of the view's own dimensions (spread evenly):
    long descriptions, Liquid html, filters and `${}` references, as wide production views have."""
    out: list[Node] = []
    names = [n for n in info.dimensions if not n.startswith(("is_", "event_"))]
    chosen: list[tuple[str, str]] = []  # (dimension, suffix): each round of 100 percent covers every dimension once
    for round_ in range((WIDE + 99) // 100):
        share = min(100, WIDE - 100 * round_)
        suffix = f"_{round_ + 1}" if round_ else ""
        chosen += [(n, suffix) for i, n in enumerate(names) if i * share // 100 != (i + 1) * share // 100]
    for name, suffix in chosen:
        segment = f"{name}_segment{suffix}"
        label = human(name)
        out.append(Node("dimension", segment, [
            ("type", Lit("string")), ("group_label", Str(f"{label} segments")),
            ("label", Str(f"{label} segment")),
            ("description", Str(f"Buckets {label.lower()} into known, unknown and long values for "
                                f"the {ws.brand} segmentation review; null and empty values count as unknown.")),
            ("sql", Expr(f"CASE WHEN ${{{name}}} IS NULL THEN 'unknown'\n"
                         f"     WHEN LENGTH(CAST(${{{name}}} AS VARCHAR)) > {rng.randint(4, 40)} THEN 'long'\n"
                         f"     ELSE 'known' END")),
            ("html", Expr("{% if value == 'unknown' %}<span style=\"color: #8a8a8a\">{{ rendered_value }}</span>"
                          "{% else %}{{ rendered_value }}{% endif %}")),
        ]))
        out.append(Node("measure", f"distinct_{name}{suffix}", [
            ("type", Lit("count_distinct")), ("sql", Expr(f"${{{name}}}")),
            ("label", Str(f"Distinct {label.lower()} (known values)")),
            ("filters", Pairs([(segment, "-unknown")])),
            ("drill_fields", Items([Lit(name), Lit(segment)])),
        ]))
        info.dimensions.append(segment)
        info.measures.append(f"distinct_{name}{suffix}")
    return out


def count_where(name: str, dimension: str, value: str, *extra) -> Node:
    """A count measure restricted by a filter on one dimension."""
    return Node("measure", name, [("type", Lit("count")), ("filters", Pairs([(dimension, value)])), *extra])


def event_measures(ws: Workspace, table: Table, info: ViewInfo) -> list[Node]:
    has = info.dimensions
    time = "${TABLE}." + ws.dialect.col("TIME")
    m = [Node("measure", "count", [("type", Lit("count")), ("label", Str(table.label)),
                                   ("drill_fields", Items([Lit("detail*")]))]),
         Node("measure", "unique_users", [("type", Lit("count_distinct")), ("sql", Expr("${user_id}")),
                                          ("drill_fields", Items([Lit("detail*")]))]),
         Node("measure", "events_per_user", [
             ("type", Lit("number")), ("sql", Expr("1.0 * ${count} / NULLIF(${unique_users}, 0)")),
             ("value_format_name", Lit("decimal_2")),
             ("html", Expr("{% if value > 5 %}<span style=\"color: #b03a2e\">{{ rendered_value }}</span>"
                           "{% else %}{{ rendered_value }}{% endif %}")),
         ]),
         Node("measure", "first_event", [("type", Lit("min")), ("sql", Expr(time)), ("hidden", Lit("yes"))]),
         Node("measure", "last_event", [("type", Lit("max")), ("sql", Expr(time)), ("hidden", Lit("yes"))])]
    if table.campaign:
        campaign = dim_name(ws.id_col("campaign"))
        m.append(Node("measure", "campaigns", [("type", Lit("count_distinct")), ("sql", Expr(f"${{{campaign}}}"))]))
    if table.canvas:
        m.append(Node("measure", "canvases", [("type", Lit("count_distinct")),
                                              ("sql", Expr(f"${{{dim_name(ws.id_col('step'))}}}"))]))
    if "platform" in has:
        for code, label in PLATFORMS[:3]:
            m.append(count_where(f"count_{code}", "platform", label, ("label", Str(f"{table.label} ({label})")),
                                 ("group_label", Str("By platform"))))
    if "email_address" in has:
        variation, step = dim_name(ws.id_col("variation")), dim_name(ws.id_col("step"))
        key = table.key.split("_", 1)[1]
        sql = f"${{email_address}} || '|' || COALESCE(${{{variation}}}, ${{{step}}}, '')" if table.campaign \
            else "${email_address}"
        m.append(Node("measure", f"unique_{key}s", [
            ("type", Lit("count_distinct")), ("sql", Expr(sql)),
            ("description", Str("Distinct (address, message variation or Canvas step) pairs.")),
        ]))
    if "is_machine_open" in has:
        m.append(count_where("machine_opens", "is_machine_open", "yes"))
        m.append(count_where("human_opens", "is_machine_open", "no"))
    if "is_amp" in has:
        m.append(count_where("amp_events", "is_amp", "yes"))
    if "is_drop" in has:
        m.append(count_where("drops", "is_drop", "yes",
                             ("description", Str("Bounces where Braze dropped the message before sending."))))
    if "bounce_reason" in has:
        m.append(Node("measure", "bounced_addresses", [("type", Lit("count_distinct")), ("sql", Expr("${email_address}")),
                                                       ("filters", Pairs([("bounce_reason", "-NULL")]))]))
    if "conversion_behavior_index" in has:
        m.append(count_where("primary_conversions", "conversion_behavior_index", "0"))
        m.append(count_where("secondary_conversions", "conversion_behavior_index", "1"))
    if "in_control_group" in has:
        m.append(count_where("control_entries", "in_control_group", "yes"))
        m.append(Node("measure", "control_share", [
            ("type", Lit("number")), ("value_format_name", Lit("percent_2")),
            ("sql", Expr("1.0 * ${control_entries} / NULLIF(${count}, 0)")),
        ]))
    if "price" in has:
        m += [Node("measure", "revenue", [("type", Lit("sum")), ("sql", Expr("${price}")), ("value_format_name", Lit("usd")),
                                          ("filters", Pairs([("currency", "USD")])),
                                          ("description", Str("Sum of prices in US dollars; other currencies are excluded."))]),
              Node("measure", "average_order_value", [("type", Lit("average")), ("sql", Expr("${price}")),
                                                      ("value_format_name", Lit("usd"))]),
              Node("measure", "revenue_per_user", [
                  ("type", Lit("number")), ("sql", Expr("${revenue} / NULLIF(${unique_users}, 0)")),
                  ("value_format_name", Lit("usd")),
                  ("html", Expr("{{ rendered_value }} <small>from {{ unique_users._rendered_value }} buyers</small>")),
              ])]
    if "duration" in has:
        m += [Node("measure", "total_duration", [("type", Lit("sum")), ("sql", Expr("${duration}"))]),
              Node("measure", "average_duration", [("type", Lit("average")), ("sql", Expr("${duration}")),
                                                   ("value_format_name", Lit("decimal_1"))]),
              Node("measure", "median_duration", [("type", Lit("median")), ("sql", Expr("${duration}"))]),
              count_where("long_sessions", "duration", ">600")]
    if "name" in has and table.key == "custom_event":
        m.append(Node("measure", "event_names", [("type", Lit("count_distinct")), ("sql", Expr("${name}"))]))
        m.append(Node("measure", "names_list", [("type", Lit("list")), ("list_field", Lit("name")),
                                                ("hidden", Lit("yes"))]))
    if "session_id" in has:
        m.append(Node("measure", "sessions", [("type", Lit("count_distinct")), ("sql", Expr("${session_id}"))]))
    return m


# --------------------------------------------------------------------------------------------------
# Analysis views over derived-table SQL
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    alias: str
    table: str  # table key
    metric: str  # count expression


def step_cte(ws: Workspace, step: Step, keys: list[str], filter_view: str) -> str:
    d = ws.dialect
    cols = ",\n    ".join(f"{d.col(k)}" for k in keys)
    time = d.col("TIME")
    return (f"{step.alias} AS (\n"
            f"  -- one row per {', '.join(k.lower() for k in keys)} and day\n"
            f"  SELECT\n    {cols},\n"
            f"    CAST({d.epoch(time)} AS DATE) AS event_day,\n"
            f"    {step.metric} AS {step.alias}\n"
            f"  FROM ${{{ws.view(step.table)}.SQL_TABLE_NAME}}\n"
            f"  WHERE {d.epoch(time)} >= {d.days_ago('@{' + ws.key + '_lookback_days}')}\n"
            f"    AND {{% condition {filter_view}.campaign_filter %}} {d.col(keys[0])} {{% endcondition %}}\n"
            f"  GROUP BY {', '.join(str(i + 1) for i in range(len(keys) + 1))}\n"
            f")")


def funnel_sql(ws: Workspace, view: str, steps: list[Step], keys: list[str], title: str) -> str:
    d = ws.dialect
    ctes = ",\n".join(step_cte(ws, s, keys, view) for s in steps)
    first = steps[0].alias
    key_list = ", ".join(d.col(k) for k in keys)
    joins = "\n".join(f"LEFT JOIN {s.alias} USING ({key_list}, event_day)" for s in steps[1:])
    metrics = ",\n  ".join(f"COALESCE({s.alias}.{s.alias}, 0) AS {s.alias}" for s in steps)
    return (f"-- {title}\n-- Each CTE aggregates one Currents table; the final select lines the steps up.\n"
            f"WITH {ctes}\n"
            f"SELECT\n  {first}.{d.col(keys[0])} AS funnel_key,\n"
            + "".join(f"  {first}.{d.col(k)} AS {k.lower()},\n" for k in keys[1:])
            + f"  {first}.event_day,\n  {metrics}\nFROM {first}\n{joins}\n"
            f"WHERE {first}.{d.col(keys[0])} IS NOT NULL\n"
            "{% if " + view + ".event_week._in_query %}\n"
            f"  AND {first}.event_day >= DATE_TRUNC('week', {first}.event_day)\n"
            "{% endif %}")


def funnel_view(ws: Workspace, key: str, steps: list[Step], keys: list[str], title: str) -> tuple[list, ViewInfo]:
    view = ws.view(key)
    info = ViewInfo(view, None)
    fields: list = [Node("derived_table", None, [
        ("sql", Expr(funnel_sql(ws, view, steps, keys, title))),
        ("datagroup_trigger", Lit(f"{ws.key}_currents_daily")),
    ], comment=title)]
    fields.append(Node("filter", "campaign_filter", [("type", Lit("string"))]))
    fields.append(Node("dimension", "pk", [("primary_key", Lit("yes")), ("hidden", Lit("yes")),
                                           ("sql", Expr("${funnel_key} || '|' || CAST(${TABLE}.event_day AS VARCHAR)"))]))
    fields.append(Node("dimension", "funnel_key", [("type", Lit("string")), ("sql", Expr("${TABLE}.funnel_key"))]))
    info.dimensions += ["pk", "funnel_key"]
    for k in keys[1:]:
        fields.append(Node("dimension", k.lower(), [("type", Lit("string")), ("sql", Expr(f"${{TABLE}}.{k.lower()}"))]))
        info.dimensions.append(k.lower())
    fields.append(Node("dimension_group", "event", [
        ("type", Lit("time")), ("datatype", Lit("date")),
        ("timeframes", Items([Lit(t) for t in ["date", "week", "month", "quarter"]])),
        ("sql", Expr("${TABLE}.event_day")),
    ]))
    info.dimensions += ["event_date", "event_week", "event_month", "event_quarter"]
    for s in steps:
        fields.append(Node("measure", f"total_{s.alias}", [("type", Lit("sum")), ("sql", Expr(f"${{TABLE}}.{s.alias}"))]))
        info.measures.append(f"total_{s.alias}")
    base = steps[0].alias
    for s in steps[1:]:
        name = f"{s.alias}_rate"
        fields.append(Node("measure", name, [
            ("type", Lit("number")), ("value_format_name", Lit("percent_2")),
            ("sql", Expr(f"1.0 * ${{total_{s.alias}}} / NULLIF(${{total_{base}}}, 0)")),
            ("html", Expr("{% if value >= 0.2 %}\n  <span style=\"color: #1e8449\">{{ rendered_value }}</span>\n"
                          "{% elsif value >= 0.05 %}\n  {{ rendered_value }}\n{% else %}\n"
                          "  <span style=\"color: #b03a2e\">{{ rendered_value }}</span>\n{% endif %}")),
        ]))
        info.measures.append(name)
    fields.append(Node("set", "funnel", [("fields", Items([Lit(x) for x in info.measures]))]))
    return fields, info


MESSAGE_SENDS = ["email_send", "push_send", "sms_send", "webhook_send", "content_card_send"]


def pressure_sql(ws: Workspace, view: str) -> str:
    d = ws.dialect
    unions = "\n  UNION ALL\n".join(
        f"  SELECT {d.col('USER_ID')} AS user_id, '{t.split('_')[0]}' AS channel, {d.epoch(d.col('TIME'))} AS sent_at,\n"
        f"         {d.col(ws.id_col('campaign'))} AS campaign_id, {d.col(ws.id_col('step'))} AS canvas_step_id\n"
        f"  FROM ${{{ws.view(t)}.SQL_TABLE_NAME}}"
        for t in MESSAGE_SENDS)
    return ("-- Marketing pressure: messages per user per day, and days since the previous message.\n"
            f"WITH messages AS (\n{unions}\n),\n"
            "ordered AS (\n"
            "  SELECT\n    messages.*,\n"
            "    LAG(sent_at) OVER (PARTITION BY user_id ORDER BY sent_at) AS previous_sent_at\n"
            "  FROM messages\n"
            "  WHERE {% condition " + view + ".channel_filter %} channel {% endcondition %}\n"
            "),\n"
            "daily AS (\n"
            "  SELECT user_id, CAST(sent_at AS DATE) AS sent_day, channel,\n"
            "         COUNT(*) AS messages,\n"
            f"         AVG({d.days_between('previous_sent_at', 'sent_at')}) AS days_since_previous\n"
            "  FROM ordered\n  GROUP BY 1, 2, 3\n)\n"
            "SELECT * FROM daily")


def retention_sql(ws: Workspace, view: str, grain: str) -> str:
    d = ws.dialect
    first = ws.view("first_session")
    start = ws.view("session_start")
    return (f"-- {grain.capitalize()} retention: users whose first session falls in a cohort {grain},\n"
            f"-- and how many start a session again N {grain}s later.\n"
            "WITH cohort AS (\n"
            f"  SELECT {d.col('USER_ID')} AS user_id,\n"
            f"         DATE_TRUNC('{grain}', MIN({d.epoch(d.col('TIME'))})) AS cohort_{grain}\n"
            f"  FROM ${{{first}.SQL_TABLE_NAME}}\n  GROUP BY 1\n),\n"
            "activity AS (\n"
            f"  SELECT DISTINCT {d.col('USER_ID')} AS user_id,\n"
            f"         DATE_TRUNC('{grain}', {d.epoch(d.col('TIME'))}) AS active_{grain}\n"
            f"  FROM ${{{start}.SQL_TABLE_NAME}}\n"
            f"  WHERE {d.epoch(d.col('TIME'))} >= {d.days_ago('@{' + ws.key + '_lookback_days}')}\n"
            "),\n"
            "cohort_size AS (\n"
            f"  SELECT cohort_{grain}, COUNT(*) AS users FROM cohort GROUP BY 1\n"
            ")\n"
            "SELECT\n"
            f"  cohort.cohort_{grain},\n"
            f"  {d.days_between(f'cohort.cohort_{grain}', f'activity.active_{grain}')}"
            f"{' / 7' if grain == 'week' else ''} AS periods_since_first,\n"
            "  cohort_size.users AS cohort_users,\n"
            "  COUNT(DISTINCT activity.user_id) AS retained_users\n"
            "FROM cohort\n"
            "JOIN activity ON activity.user_id = cohort.user_id\n"
            f"  AND activity.active_{grain} >= cohort.cohort_{grain}\n"
            f"JOIN cohort_size ON cohort_size.cohort_{grain} = cohort.cohort_{grain}\n"
            "-- {% if " + view + ".periods_since_first._in_query %} period grain {% endif %}\n"
            "GROUP BY 1, 2, 3")


def user_facts_sql(ws: Workspace) -> str:
    d = ws.dialect
    tables = [t for t in TABLES if t.key in ("email_send", "email_open", "email_click", "push_send", "push_open",
                                             "purchase", "session_start", "custom_event", "email_unsubscribe",
                                             "sms_send", "inapp_click", "uninstall")]
    ctes = ",\n".join(
        f"{t.key} AS (\n  SELECT {d.col('USER_ID')} AS user_id, COUNT(*) AS {t.key}_events,\n"
        f"         MAX({d.epoch(d.col('TIME'))}) AS last_{t.key}_at\n"
        f"  FROM ${{{ws.view(t.key)}.SQL_TABLE_NAME}}\n  GROUP BY 1\n)"
        for t in tables)
    users = "\n  UNION\n".join(f"  SELECT user_id FROM {t.key}" for t in tables)
    cols = ",\n".join(f"  COALESCE({t.key}.{t.key}_events, 0) AS {t.key}_events,\n  {t.key}.last_{t.key}_at"
                      for t in tables)
    joins = "\n".join(f"LEFT JOIN {t.key} ON {t.key}.user_id = users.user_id" for t in tables)
    return ("-- One row per user with lifetime counts across Currents tables.\n"
            f"WITH {ctes},\nusers AS (\n{users}\n)\n"
            f"SELECT\n  users.user_id,\n{cols}\nFROM users\n{joins}")


def simple_derived_view(ws: Workspace, key: str, sql: str, dims: list[tuple[str, str]],
                        measures: list[tuple[str, str, str]], filters: list[str], pk: str,
                        rng: random.Random) -> tuple[list, ViewInfo]:
    """A derived view: dims are (name, type); measures are (name, type, sql)."""
    view = ws.view(key)
    info = ViewInfo(view, None)
    fields: list = [Node("derived_table", None, [
        ("sql", Expr(sql)),
        ("datagroup_trigger", Lit(f"{ws.key}_currents_daily")),
        ("indexes", Items([Lit(q(dims[0][0]))])) if not ws.dialect.upper else
        ("cluster_keys", Items([Lit(q(dims[0][0]))])),
    ])]
    for f in filters:
        fields.append(Node("filter", f, [("type", Lit("string"))]))
    fields.append(Node("dimension", "pk", [("primary_key", Lit("yes")), ("hidden", Lit("yes")), ("sql", Expr(pk))]))
    info.dimensions.append("pk")
    for name, typ in dims:
        props = [("type", Lit(typ)), ("sql", Expr(f"${{TABLE}}.{name}"))]
        if typ == "number" and rng.random() < 0.5:
            props.append(("value_format_name", Lit("decimal_0")))
        fields.append(Node("dimension", name, props))
        info.dimensions.append(name)
    for name, typ, sql_ in measures:
        fields.append(Node("measure", name, [("type", Lit(typ)), ("sql", Expr(sql_))]))
        info.measures.append(name)
    return fields, info


def analysis_views(ws: Workspace, rng_for) -> list[tuple[str, list, ViewInfo]]:
    """(file key, fields, info) for every analysis view of a workspace."""
    out = []
    camp, var_ = ws.id_col("campaign"), ws.id_col("variation")
    email = [Step("sends", "email_send", "COUNT(*)"), Step("deliveries", "email_delivery", "COUNT(*)"),
             Step("opens", "email_open", f"COUNT(DISTINCT {ws.dialect.col('EMAIL_ADDRESS')})"),
             Step("clicks", "email_click", f"COUNT(DISTINCT {ws.dialect.col('EMAIL_ADDRESS')})"),
             Step("bounces", "email_bounce", "COUNT(*)"), Step("soft_bounces", "email_soft_bounce", "COUNT(*)"),
             Step("spam_reports", "email_spam", "COUNT(*)"), Step("unsubscribes", "email_unsubscribe", "COUNT(*)")]
    push = [Step("sends", "push_send", "COUNT(*)"), Step("bounces", "push_bounce", "COUNT(*)"),
            Step("opens", "push_open", "COUNT(*)"), Step("influenced_opens", "push_influenced_open", "COUNT(*)")]
    sms = [Step("sends", "sms_send", "COUNT(*)"), Step("deliveries", "sms_delivery", "COUNT(*)"),
           Step("failures", "sms_delivery_failure", "COUNT(*)"), Step("rejections", "sms_rejection", "COUNT(*)")]
    cards = [Step("sends", "content_card_send", "COUNT(*)"),
             Step("impressions", "content_card_impression", "COUNT(*)"),
             Step("clicks", "content_card_click", "COUNT(*)"), Step("dismissals", "content_card_dismiss", "COUNT(*)")]
    for key, steps, title in [("email_funnel", email, "Email funnel: sends, deliveries, unique opens and clicks"),
                              ("push_funnel", push, "Push funnel: sends, bounces and opens"),
                              ("sms_funnel", sms, "SMS funnel: sends, deliveries and failures"),
                              ("content_card_funnel", cards, "Content Card funnel")]:
        for keys in ([camp, var_], [camp, "DISPATCH_ID"]):
            grain = "variation" if keys[1] == var_ else "dispatch"
            file_key = f"{key}_by_{grain}"
            fields, info = funnel_view(ws, file_key, steps, keys, f"{title} (per {grain})")
            out.append((file_key, fields, info))
    pressure = ws.view("message_pressure")
    out.append(("message_pressure", *simple_derived_view(
        ws, "message_pressure", pressure_sql(ws, pressure),
        [("user_id", "string"), ("channel", "string"), ("messages", "number"), ("days_since_previous", "number")],
        [("total_messages", "sum", "${messages}"), ("average_daily_messages", "average", "${messages}"),
         ("average_cadence_days", "average", "${days_since_previous}"),
         ("users_messaged", "count_distinct", "${user_id}")],
        ["channel_filter"], "${user_id} || ${channel} || CAST(${TABLE}.sent_day AS VARCHAR)",
        rng_for("message_pressure"))))
    for grain in ("day", "week"):
        key = f"retention_{grain}ly" if grain == "week" else "retention_daily"
        out.append((key, *simple_derived_view(
            ws, key, retention_sql(ws, ws.view(key), grain),
            [(f"cohort_{grain}", "date"), ("periods_since_first", "number"), ("cohort_users", "number"),
             ("retained_users", "number")],
            [("retained", "sum", "${retained_users}"), ("cohort_total", "sum", "${cohort_users}"),
             ("retention_rate", "number", "1.0 * ${retained} / NULLIF(${cohort_total}, 0)")],
            [], f"CAST(${{cohort_{grain}}} AS VARCHAR) || '|' || CAST(${{periods_since_first}} AS VARCHAR)",
            rng_for(key))))
    facts = [(f"{t}_events", "number") for t in ("email_send", "email_open", "email_click", "push_send",
                                                  "push_open", "purchase", "session_start", "custom_event",
                                                  "email_unsubscribe", "sms_send", "inapp_click", "uninstall")]
    out.append(("user_facts", *simple_derived_view(
        ws, "user_facts", user_facts_sql(ws), [("user_id", "string")] + facts,
        [("users", "count", "${user_id}"), ("average_sessions", "average", "${session_start_events}"),
         ("buyers", "count_distinct", "CASE WHEN ${purchase_events} > 0 THEN ${user_id} END")],
        [], "${user_id}", rng_for("user_facts"))))
    # A native derived table over the custom-event explore.
    ce = ws.view("custom_event")
    info = ViewInfo(ws.view("top_custom_events"), None, ["name", "events", "users", "rank"], ["total_events"])
    fields = [Node("derived_table", None, [
        Node("explore_source", ce, [
            Node("column", "name", [("field", Lit(f"{ce}.name"))]),
            Node("column", "events", [("field", Lit(f"{ce}.count"))]),
            Node("column", "users", [("field", Lit(f"{ce}.unique_users"))]),
            Node("derived_column", "rank", [("sql", Expr("ROW_NUMBER() OVER (ORDER BY events DESC)"))]),
            Node("bind_filters", None, [("from_field", Lit(f"{ce}.event_date")),
                                        ("to_field", Lit(f"{ce}.event_date"))]),
        ]),
        ("datagroup_trigger", Lit(f"{ws.key}_currents_daily")),
    ], comment="Native derived table: custom events ranked by volume")]
    fields += [Node("dimension", "name", [("primary_key", Lit("yes")), ("type", Lit("string"))]),
               Node("dimension", "events", [("type", Lit("number"))]),
               Node("dimension", "users", [("type", Lit("number"))]),
               Node("dimension", "rank", [("type", Lit("number")),
                                          ("html", Expr("Rank #{{ value }} {% if value <= 10 %}(top 10){% endif %}"))]),
               Node("measure", "total_events", [("type", Lit("sum")), ("sql", Expr("${events}"))])]
    out.append(("top_custom_events", fields, info))
    return out


# --------------------------------------------------------------------------------------------------
# Models, explores, refinements, manifest
# --------------------------------------------------------------------------------------------------

JOIN_PARENTS = {"email": "email_send", "push": "push_send", "sms": "sms_send", "contentcard": "content_card_send",
                "inapp": "inapp_impression", "newsfeed": "newsfeed_impression"}


def explore_for(ws: Workspace, table: Table, views: dict[str, ViewInfo], rng: random.Random) -> Node:
    base = ws.view(table.key)
    info = views[base]
    props: list = [("label", Str(table.label)), ("group_label", Str(f"{ws.brand} {ws.key} · {CHANNEL_LABELS[table.channel]}"))]
    if rng.random() < 0.5:
        props.append(("description", Str(f"One row per {table.label.lower()[:-1]} event from Braze Currents.")))
    facts = ws.view("user_facts")
    hidden = [f"-{facts}.pk"] + [f"-{base}.{d}" for d in ("first_event", "last_event") if d in info.measures]
    props.append(("fields", Items([Lit("ALL_FIELDS*")] + [Lit(x) for x in hidden])))
    props.append(("sql_always_where", Expr(f"${{{base}.event_raw}} >= {ws.dialect.days_ago('@{' + ws.key + '_lookback_days}')}")))
    if rng.random() < 0.4:
        props.append(Node("always_filter", None, [("filters", Pairs([(f"{base}.event_date", "last 30 days")]))]))
    if rng.random() < 0.3:
        props.append(Node("access_filter", None, [("field", Lit(f"{base}.country" if "country" in info.dimensions
                                                                 else f"{base}.timezone")),
                                                  ("user_attribute", Lit("braze_region"))]))
    joins = []
    parent = JOIN_PARENTS.get(table.channel)
    if parent and parent != table.key:
        keys = ["dispatch_id", "user_id"] if table.send else ["user_id", "device_id"]
        joins.append((ws.view(parent), keys, "many_to_one", "left_outer"))
    if parent == table.key:
        siblings = [t for t in TABLES if t.channel == table.channel and t.key != table.key]
        for s in siblings[: rng.randint(min(3, len(siblings)), len(siblings))]:
            keys = ["dispatch_id", "user_id"] if table.send and s.send else ["user_id"]
            joins.append((ws.view(s.key), keys, "one_to_many", "left_outer"))
    joins.append((facts, ["user_id"], "many_to_one", rng.choice(["left_outer", "inner"])))
    for view, keys, rel, typ in joins:
        on = "\n  AND ".join(f"${{{base}.{k}}} = ${{{view}.{k}}}" for k in keys)
        jprops: list = [("type", Lit(typ)), ("relationship", Lit(rel)), ("sql_on", Expr(on))]
        jinfo = views[view]
        if jinfo.table is not None and rng.random() < 0.6:
            jprops.append(("fields", Items([Lit(f"{view}.{m}") for m in jinfo.measures[:4]]
                                           + [Lit(f"{view}.detail*")])))
        if rng.random() < 0.3:
            jprops.append(("view_label", Str(f"{human(view.split('_', 1)[1])} (joined)")))
        props.append(Node("join", view, jprops))
    return Node("explore", base, props)


def model_file(ws: Workspace, views: dict[str, ViewInfo], rng: random.Random) -> list:
    items: list = [("connection", Str(f"braze_{ws.dialect.name}_{ws.key}")),
                   ("include", Str(f"/views/{ws.key}_*.view.lkml")),
                   ("include", Str(f"/explores/{ws.key}_*.explore.lkml"))]
    items.append(Node("datagroup", f"{ws.key}_currents_daily", [
        ("sql_trigger", Expr(f"SELECT MAX({ws.dialect.col('SF_CREATED_AT' if ws.layout == 'shared' else 'TIME')})\n"
                             f"FROM {ws.table_name(TABLE_BY_KEY['email_send'])}")),
        ("max_cache_age", Str("24 hours")),
        ("description", Str("Fires when new Currents rows land (checked hourly).")),
    ], comment="Caching follows the Currents load"))
    items.append(Node("datagroup", f"{ws.key}_weekly", [("sql_trigger", Expr("SELECT DATE_TRUNC('week', CURRENT_DATE)")),
                                                        ("max_cache_age", Str("168 hours"))]))
    items.append(("persist_with", Lit(f"{ws.key}_currents_daily")))
    items.append(("week_start_day", Lit(rng.choice(["monday", "sunday"]))))
    for table in TABLES:
        items.append(explore_for(ws, table, views, rng))
    for key, info in views.items():
        if info.table is None and not key.endswith("top_custom_events"):
            props: list = [("label", Str(human(key.split("_", 1)[1]))), ("group_label", Str(f"{ws.brand} {ws.key} · Analysis"))]
            if key.endswith("message_pressure"):
                props.append(Node("join", ws.view("user_facts"), [
                    ("relationship", Lit("many_to_one")),
                    ("sql_on", Expr(f"${{{key}.user_id}} = ${{{ws.view('user_facts')}.user_id}}")),
                ]))
            items.append(Node("explore", key, props))
    return items


def refinements_file(ws: Workspace, views: dict[str, ViewInfo], rng: random.Random) -> list:
    items: list = []
    for table in TABLES:
        if rng.random() < 0.55:
            continue
        base = ws.view(table.key)
        info = views[base]
        props: list = [("label", Str(f"{table.label} · {ws.brand}"))]
        if rng.random() < 0.5:
            props.append(("hidden", Lit(rng.choice(["yes", "no"]))))
        if "event_date" in info.dimensions:
            props.append(Node("conditionally_filter", None, [
                ("filters", Pairs([(f"{base}.event_date", "last 7 days")])),
                ("unless", Items([Lit(f"{base}.id")] + ([Lit(f"{base}.user_id")] if "user_id" in info.dimensions else []))),
            ]))
        if rng.random() < 0.4:
            props.append(Node("aggregate_table", "daily_rollup", [
                Node("query", None, [("dimensions", Items([Lit(f"{base}.event_date")])),
                                     ("measures", Items([Lit(f"{base}.count"), Lit(f"{base}.unique_users")]))]),
                Node("materialization", None, [("datagroup_trigger", Lit(f"{ws.key}_currents_daily"))]),
            ]))
        items.append(Node("explore", f"+{base}", props, comment=f"Refinement: {table.label}"))
        if rng.random() < 0.35:
            items.append(Node("view", f"+{base}", [
                Node("dimension", "is_recent", [
                    ("type", Lit("yesno")),
                    ("sql", Expr(f"${{event_raw}} >= {ws.dialect.days_ago('7')}")),
                    ("description", Str("Within the last week (added by refinement).")),
                ]),
                count_where("recent_events", "is_recent", "yes"),
            ]))
    return items


def manifest(workspaces: list[Workspace]) -> list:
    items: list = [("project_name", Str("braze_currents_benchmark"))]
    items.append(Node("constant", "braze_help_url", [("value", Str("https://www.braze.com/docs/user_guide/data/braze_currents/")),
                                                     ("export", Lit("override_optional"))]))
    for ws in workspaces:
        database = f"BRAZE_{ws.key.upper()}" if ws.dialect.upper else "braze"
        schema = ("CURRENTS" if ws.layout == "shared" else "PUBLIC") if ws.dialect.upper else f"currents_{ws.key}"
        items.append(Node("constant", f"{ws.key}_database", [("value", Str(database))],
                          comment=f"{ws.brand} ({ws.key}): {ws.layout} layout on {ws.dialect.name}"))
        items.append(Node("constant", f"{ws.key}_schema", [("value", Str(schema))]))
        items.append(Node("constant", f"{ws.key}_dashboard_url",
                          [("value", Str(f"https://dashboard-0{1 + sum(map(ord, ws.key)) % 6}.braze.com"))]))
        items.append(Node("constant", f"{ws.key}_lookback_days", [("value", Str("400"))]))
    return items


# --------------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------------


def generator_sha256() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def render(seed: str, relpath: str, header: str, items: list) -> str:
    r = Renderer(random.Random(f"{seed}/{relpath}/format"))
    r.comment(header)
    r.comment("Synthetic benchmark data from Benchmarks/make_project.py; not a real project.")
    r.blank()
    r.top(items)
    return r.text()


def workspace_files(ws: Workspace, seed: str):
    """Yield (relative path, text) for one workspace, in a fixed order."""
    def rng_for(key: str) -> random.Random:
        return random.Random(f"{seed}/{ws.key}/{key}")

    views: dict[str, ViewInfo] = {}
    files: list[tuple[str, list, str]] = []
    for table in TABLES:
        fields, info = event_view(ws, table, rng_for(table.key))
        views[info.name] = info
        files.append((f"views/{info.name}.view.lkml", [Node("view", info.name, fields)],
                      f"{table.label}: Currents table {table.stem} ({ws.layout} layout)"))
    for key, fields, info in analysis_views(ws, rng_for):
        views[info.name] = info
        files.append((f"views/{info.name}.view.lkml", [Node("view", info.name, fields)], f"Analysis view {key}"))
    for path, items, header in files:
        yield path, render(seed, path, header, items)
    path = f"models/{ws.key}_currents.model.lkml"
    yield path, render(seed, path, f"Braze Currents model for {ws.brand} ({ws.key})",
                       model_file(ws, views, rng_for("model")))
    path = f"explores/{ws.key}_refinements.explore.lkml"
    yield path, render(seed, path, f"Refinements for {ws.key}: labels, default filters, rollups",
                       refinements_file(ws, views, rng_for("refinements")))


def generate(out: Path, workspace_count: int, seed: str) -> tuple[int, int]:
    workspaces = [Workspace.make(i, seed) for i in range(workspace_count)]
    files = 0
    total = 0

    def write(rel: str, text: str) -> None:
        nonlocal files, total
        data = text.encode("utf-8")
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        files += 1
        total += len(data)

    write("manifest.lkml", render(seed, "manifest.lkml", "Project manifest: warehouse constants per workspace",
                                  manifest(workspaces)))
    for ws in workspaces:
        for rel, text in workspace_files(ws, seed):
            write(rel, text)
    (out / MARKER).write_text(
        f"generator_sha256={generator_sha256()}\nversion={GENERATOR_VERSION}\nseed={seed}\n"
        f"workspaces={workspace_count}\nwide={WIDE}\n"
        f"files={files}\nbytes={total}\n", encoding="utf-8")
    return files, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a deterministic synthetic LookML project "
                                                 "(Braze Currents) for benchmarks.")
    parser.add_argument("out_dir", type=Path, help="directory to create")
    parser.add_argument("--scale", type=int, default=1,
                        help=f"number of {WORKSPACES_PER_SCALE}-workspace units (1 is about 13 MB; default 1)")
    parser.add_argument("--workspaces", type=int,
                        help="number of workspaces (about 54 files each); overrides --scale")
    parser.add_argument("--wide", type=int, default=0,
                        help="percent of an event view's dimensions that get a segment dimension and a distinct "
                             "count (every 100 is one round over all): 0 is compact (about 7 KB per file), 160 about "
                             "27 KB per file (default 0)")
    parser.add_argument("--seed", default="currents", help="seed for all random choices (default: currents)")
    parser.add_argument("--force", action="store_true",
                        help=f"replace OUT_DIR if it holds a project this script generated (has {MARKER})")
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be at least 1")
    if args.workspaces is not None and args.workspaces < 1:
        parser.error("--workspaces must be at least 1")
    if not 0 <= args.wide <= 1000:
        parser.error("--wide must be between 0 and 1000")
    global WIDE
    WIDE = args.wide
    workspace_count = args.workspaces if args.workspaces is not None else args.scale * WORKSPACES_PER_SCALE
    out: Path = args.out_dir
    if out.exists() and any(out.iterdir()):
        if not args.force:
            parser.error(f"{out} is not empty (use --force to replace a generated project)")
        if not (out / MARKER).is_file():
            parser.error(f"{out} has no {MARKER}; refusing to delete a directory this script did not generate")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    files, total = generate(out, workspace_count, args.seed)
    print(f"{out}: {files} files, {total} bytes ({total / 1e6:.1f} MB), {workspace_count} workspaces, "
          f"wide {WIDE}%, seed {args.seed!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
