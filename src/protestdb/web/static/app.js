/* protestdb page: map, list, timeline, event detail with highlighted evidence.
 *
 * Plain JS, no build step. Everything that comes from the data (article text, field
 * values, titles, URLs) is untrusted: the DOM is built with createElement/textContent
 * only, never innerHTML, and links are kept only for http(s) URLs.
 */
"use strict";

(function () {
  const FILTERS = ["since", "until", "state", "type", "issue", "q"];
  const LIMIT = 1000;
  const US_BOUNDS = [[24.4, -125.0], [49.5, -66.9]];

  /** Field order and labels of the detail panel. */
  const FIELDS = [
    ["title", "Title"], ["date", "Date"], ["end_date", "End date"], ["date_precision", "Date precision"],
    ["event_type", "Type"], ["locality", "Locality"], ["state", "State"], ["country", "Country"],
    ["location", "Location"], ["county", "County"], ["fips_code", "FIPS"], ["lat", "Latitude"],
    ["lon", "Longitude"], ["geo_precision", "Geo precision"], ["macroevent", "Campaign"],
    ["organizations", "Organizations"], ["participants", "Participants"], ["notables", "Notables"],
    ["targets", "Targets"], ["claims_summary", "Claims"], ["claims_verbatim", "Chants / signs"],
    ["issues", "Issues"], ["valence", "Valence"], ["size_text", "Size (words)"], ["size_low", "Size low"],
    ["size_high", "Size high"], ["size_mean", "Size mean"], ["size_cat", "Size category"],
    ["arrests", "Arrests"], ["injuries", "Injuries"], ["property_damage", "Property damage"],
    ["online", "Online"], ["announced_only", "Announced only"],
  ];

  // ------------------------------------------------------------------ DOM helpers
  /** Create an element; attrs are set as attributes (never as HTML); children are nodes or text. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) throw new Error("no inline handlers");
      node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) append(node, c);
    return node;
  }
  function append(node, c) {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) { c.forEach((x) => append(node, x)); return; }
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function svg(tag, attrs) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }
  /** Only http(s) links survive; anything else (javascript:, data:) is dropped. */
  function safeUrl(u) {
    if (!u) return null;
    try {
      const url = new URL(u, window.location.href);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) { return null; }
  }
  const $ = (id) => document.getElementById(id);

  // ------------------------------------------------------------------ formatting
  function isEmpty(v) { return v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0); }
  function fmtValue(v) {
    if (Array.isArray(v)) return v.join("; ");
    if (v === true) return "yes";
    if (v === false) return "no";
    return String(v);
  }
  function fmtSize(e) {
    if (e.size_low != null && e.size_high != null && e.size_high !== e.size_low) return `${e.size_low.toLocaleString()}–${e.size_high.toLocaleString()}`;
    const n = e.size_low != null ? e.size_low : e.size_high;
    return n != null ? n.toLocaleString() : null;
  }
  function place(e) {
    const p = [e.locality, e.state].filter(Boolean).join(", ");
    return p || (e.country ? `${e.country} (no locality)` : "no place");
  }
  function markerRadius(e) {
    const n = e.size_mean || e.size_low || e.size_high;
    if (!n) return 5;
    return Math.max(5, Math.min(24, 3 + 3.2 * Math.log10(n)));
  }

  // ------------------------------------------------------------------ state
  let map = null;
  let markerLayer = null;
  let currentEventId = null;
  const markersById = new Map();

  function filtersFromUrl() {
    const params = new URLSearchParams(window.location.search);
    const f = {};
    for (const k of FILTERS) { const v = params.get(k); if (v) f[k] = v; }
    return { filters: f, event: params.get("event") };
  }
  function filtersFromForm() {
    const form = $("filters");
    const f = {};
    for (const k of FILTERS) { const v = form.elements[k].value.trim(); if (v) f[k] = v; }
    return f;
  }
  function fillForm(f) {
    const form = $("filters");
    for (const k of FILTERS) {
      const input = form.elements[k];
      const v = f[k] || "";
      if (input.tagName === "SELECT" && v && ![...input.options].some((o) => o.value === v)) {
        input.appendChild(el("option", { value: v }, v));
      }
      input.value = v;
    }
  }
  function query(f, extra) {
    const p = new URLSearchParams();
    for (const k of FILTERS) if (f[k]) p.set(k, f[k]);
    for (const [k, v] of Object.entries(extra || {})) if (v !== null && v !== undefined) p.set(k, v);
    return p.toString();
  }
  function pushUrl(f, eventId, replace) {
    const qs = query(f, eventId ? { event: eventId } : {});
    const url = window.location.pathname + (qs ? "?" + qs : "");
    if (url === window.location.pathname + window.location.search) return;
    (replace ? history.replaceState : history.pushState).call(history, null, "", url);
  }
  async function getJson(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    if (!r.ok) {
      let msg = `${r.status}`;
      try { const b = await r.json(); if (b && b.detail) msg += `: ${typeof b.detail === "string" ? b.detail : JSON.stringify(b.detail)}`; } catch (e) { /* not JSON */ }
      const err = new Error(msg); err.status = r.status; throw err;
    }
    return r.json();
  }
  function setStatus(text) { $("status").textContent = text; }

  // ------------------------------------------------------------------ map
  function initMap() {
    if (!window.L) { $("map").textContent = "The map library did not load."; return; }
    map = L.map("map", { zoomSnap: 0.25, worldCopyJump: false, attributionControl: true });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("States: us-atlas / US Census Bureau");
    map.fitBounds(US_BOUNDS);
    markerLayer = L.featureGroup().addTo(map);
    // The map's box changes when the detail panel opens or the phone rotates: tell Leaflet.
    if (window.ResizeObserver) new ResizeObserver(() => { map.invalidateSize(); fitView(); }).observe($("map"));
    fetch("/static/vendor/us-atlas/us-states.geo.json")
      .then((r) => r.json())
      .then((geo) => {
        L.geoJSON(geo, {
          interactive: false,
          style: () => ({ className: "state-outline", color: "#6b7b8c", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 }),
        }).addTo(map).bringToBack();
        $("map").setAttribute("data-states-loaded", String(geo.features.length));
      })
      .catch(() => setStatus("The state outlines could not be loaded."));
  }

  function renderMarkers(events) {
    if (!map) return;
    markerLayer.clearLayers();
    markersById.clear();
    for (const e of events) {
      if (e.lat == null || e.lon == null) continue;
      const m = L.circleMarker([e.lat, e.lon], {
        radius: markerRadius(e), className: "event-marker", color: "#7f1f1a", weight: 1,
        fillColor: "#c0392b", fillOpacity: 0.55,
      });
      const tip = el("div", {}, el("strong", {}, e.date || "date unknown"), " ", place(e),
        el("br"), (e.event_type || []).join(", "));
      m.bindTooltip(tip, { direction: "top" });
      m.on("click", () => openEvent(e.id, true));
      m.addTo(markerLayer);
      const path = m.getElement();
      if (path) {
        path.setAttribute("data-event-id", e.id);
        path.setAttribute("aria-label", `${e.date || ""} ${place(e)}`);
      }
      markersById.set(e.id, m);
    }
    $("map").setAttribute("data-markers", String(markersById.size));
    markCurrent();
    fitView();
  }

  /** Fit the map to the markers (or to the lower 48 states when there are none). */
  function fitView() {
    if (!map) return;
    if (markersById.size > 0) {
      const b = markerLayer.getBounds().pad(0.3);
      map.fitBounds(markersById.size === 1 ? b.pad(8) : b, { maxZoom: 8 });
    } else {
      map.fitBounds(US_BOUNDS);
    }
  }

  // ------------------------------------------------------------------ list
  function renderList(events) {
    const list = $("events");
    clear(list);
    if (events.length === 0) {
      list.appendChild(el("li", { class: "empty" }, "No events match these filters."));
      return;
    }
    for (const e of events) {
      const size = fmtSize(e);
      const btn = el("button", { type: "button", class: "event", "data-event-id": e.id },
        el("span", { class: "when" }, e.date || "date unknown"), " · ",
        el("span", { class: "where" }, place(e)),
        el("span", { class: "what" }, (e.event_type || []).join(", ") || "type unknown",
          size ? [" · ", el("span", { class: "size" }, `${size} people`)] : null,
          e.title ? ` · ${e.title}` : null),
        (e.organizations || []).length ? el("span", { class: "who" }, e.organizations.join("; ")) : null);
      btn.addEventListener("click", () => openEvent(e.id, true));
      list.appendChild(el("li", {}, btn));
    }
    markCurrent();
  }
  function markCurrent() {
    for (const [id, m] of markersById) {
      const on = id === currentEventId;
      m.setStyle(on ? { color: "#102a43", weight: 3, fillColor: "#e67e22" } : { color: "#7f1f1a", weight: 1, fillColor: "#c0392b" });
      if (on) m.bringToFront();
      const path = m.getElement();
      if (path) path.classList.toggle("selected", on);
    }
    for (const b of document.querySelectorAll("button.event")) {
      if (b.dataset.eventId === currentEventId) b.setAttribute("aria-current", "true");
      else b.removeAttribute("aria-current");
    }
  }

  // ------------------------------------------------------------------ timeline
  function renderTimeline(perDay, f) {
    const box = $("timeline");
    clear(box);
    const days = Object.keys(perDay || {}).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
    if (days.length === 0) { box.appendChild(el("p", { class: "empty" }, "No dated events.")); return; }
    // Continuous days from first to last (gaps as zero) unless the span is very long.
    let axis = days;
    const first = new Date(days[0] + "T00:00:00Z"), last = new Date(days[days.length - 1] + "T00:00:00Z");
    const span = Math.round((last - first) / 86400000) + 1;
    if (span <= 400) {
      axis = [];
      for (let i = 0; i < span; i++) axis.push(new Date(first.getTime() + i * 86400000).toISOString().slice(0, 10));
    }
    const W = 600, H = 72, top = 4, bottom = 0;
    const max = Math.max(...axis.map((d) => perDay[d] || 0));
    const bw = W / axis.length;
    const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none", role: "group",
      "aria-label": `Events per day, ${axis[0]} to ${axis[axis.length - 1]}` });
    axis.forEach((d, i) => {
      const n = perDay[d] || 0;
      if (!n) return;
      const h = Math.max(2, (H - top - bottom) * n / max);
      const r = svg("rect", { class: "bar", x: i * bw + bw * 0.1, y: H - bottom - h, width: Math.max(1, bw * 0.8), height: h,
        tabindex: 0, role: "button", "data-day": d, "aria-label": `${d}: ${n} event${n === 1 ? "" : "s"}; show only this day` });
      const t = svg("title"); t.textContent = `${d}: ${n} event${n === 1 ? "" : "s"}`;
      r.appendChild(t);
      const pick = () => { const g = Object.assign({}, f, { since: d, until: d }); fillForm(g); apply(true); };
      r.addEventListener("click", pick);
      r.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
      s.appendChild(r);
    });
    box.appendChild(s);
    box.appendChild(el("div", { class: "axis", "aria-hidden": "true" },
      el("span", {}, axis[0]), axis.length > 1 ? el("span", {}, axis[axis.length - 1]) : null));
  }

  // ------------------------------------------------------------------ detail
  function closeDetail(push) {
    const panel = $("detail");
    panel.hidden = true;
    const prev = currentEventId;
    currentEventId = null;
    markCurrent();
    if (push) pushUrl(filtersFromUrl().filters, null, false);
    const btn = prev && document.querySelector(`button.event[data-event-id="${CSS.escape(prev)}"]`);
    if (btn) btn.focus();
  }

  async function openEvent(id, push) {
    currentEventId = id;
    markCurrent();
    if (push) pushUrl(filtersFromUrl().filters, id, false);
    const panel = $("detail"), body = $("detail-body");
    panel.hidden = false;
    clear(body);
    body.appendChild(el("p", {}, "Loading…"));
    let data;
    try {
      data = await getJson(`/api/events/${encodeURIComponent(id)}`);
    } catch (err) {
      clear(body);
      body.appendChild(el("p", { role: "alert" }, err.status === 404 ? "This event no longer exists." : `Could not load the event (${err.message}).`));
      return;
    }
    if (currentEventId !== id) return;  // another event was opened meanwhile
    renderDetail(data);
    $("detail-heading").focus();
  }

  function renderDetail(data) {
    const e = data.event, articles = data.articles || [];
    const body = $("detail-body");
    clear(body);
    $("detail-heading").textContent = e.title || `${(e.event_type || []).join(", ") || "Event"} — ${place(e)}`;
    const evidence = e.evidence || {};

    // Keys of evidence spans: "<article index>:<n>".
    const artIndex = new Map(articles.map((a, i) => [a.id, i]));
    const spansByArticle = articles.map(() => []);
    const spanKeys = {};  // field -> [{key, quote, found}]
    for (const [field, spans] of Object.entries(evidence)) {
      spanKeys[field] = [];
      for (const sp of spans) {
        const ai = artIndex.has(sp.article_id) ? artIndex.get(sp.article_id) : -1;
        const key = ai >= 0 && sp.found ? `${ai}:${spansByArticle[ai].length}` : null;
        if (key) spansByArticle[ai].push({ start: sp.start, end: sp.end, field, key });
        spanKeys[field].push({ key, quote: sp.quote, found: !!sp.found });
      }
    }

    // Fields with their evidence.
    const table = el("table", { class: "fields" }, el("caption", { class: "visually-hidden" }, "Fields of the event and their evidence"));
    const tbody = el("tbody");
    for (const [name, label] of FIELDS) {
      const v = e[name];
      if (isEmpty(v) || (name === "size_cat" && v === 0) || (name === "date_precision" && v === "unknown")) continue;
      if ((name === "online" || name === "announced_only") && v === false) continue;
      const evs = spanKeys[name] || [];
      const td = el("td", {}, el("span", { class: "value" }, fmtValue(v)));
      if (evs.length === 0 && name !== "date_precision") td.appendChild(el("span", { class: "noev" }, " (no evidence)"));
      for (const sp of evs) {
        const jump = sp.key
          ? el("button", { type: "button", class: "ev-jump", "data-span": sp.key, "aria-label": `Show the evidence for ${label} in the article: ${sp.quote}` }, "show")
          : null;
        if (jump) jump.addEventListener("click", () => showSpan(sp.key));
        const from = articles.length > 1 && sp.key ? ` (article ${Number(sp.key.split(":")[0]) + 1})` : "";
        td.appendChild(el("span", { class: "ev" }, `evidence${from}: `, el("q", {}, sp.quote), sp.found ? null : " (not found in the text)", " ", jump));
      }
      tbody.appendChild(el("tr", { "data-field": name }, el("th", { scope: "row" }, label), td));
    }
    table.appendChild(tbody);
    body.appendChild(table);

    // Sources.
    const sources = e.sources || [];
    body.appendChild(el("h3", {}, `Sources (${sources.length})`));
    const ol = el("ol", { class: "sources" });
    for (const s of sources) {
      const href = safeUrl(s.url);
      const name = [s.outlet, s.title].filter(Boolean).join(": ") || s.url || s.article_id;
      ol.appendChild(el("li", {},
        href ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, name) : name,
        s.published ? ` (${s.published})` : null));
    }
    body.appendChild(ol);

    // Article texts with the evidence highlighted.
    articles.forEach((a, i) => {
      const box = el("section", { class: "article", "aria-label": `Article ${i + 1}` },
        el("h4", {}, `${articles.length > 1 ? `Article ${i + 1}: ` : ""}${a.title || "untitled"}`),
        el("p", { class: "meta" }, [a.outlet, a.published, a.language].filter(Boolean).join(" · ")));
      box.appendChild(highlighted(a.text || "", spansByArticle[i]));
      body.appendChild(box);
    });
  }

  /** The text as text nodes and <mark> elements: one segment per run covered by the same spans. */
  function highlighted(text, spans) {
    const div = el("div", { class: "article-text" });
    const cuts = new Set([0, text.length]);
    for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
    const pts = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i], b = pts[i + 1];
      const chunk = text.slice(a, b);
      const cover = spans.filter((s) => s.start <= a && s.end >= b);
      if (cover.length === 0) { div.appendChild(document.createTextNode(chunk)); continue; }
      const fields = [...new Set(cover.map((s) => s.field))];
      const m = el("mark", { class: "evidence", "data-fields": fields.join(" "), "data-spans": cover.map((s) => s.key).join(" "),
        title: `evidence for: ${fields.join(", ")}`, tabindex: "-1" }, chunk);
      div.appendChild(m);
    }
    return div;
  }

  function showSpan(key) {
    let first = null;
    for (const m of document.querySelectorAll("mark.evidence")) {
      const on = (m.dataset.spans || "").split(" ").includes(key);
      m.classList.toggle("active", on);
      if (on && !first) first = m;
    }
    if (first) { first.scrollIntoView({ block: "center", behavior: "smooth" }); first.focus({ preventScroll: true }); }
  }

  // ------------------------------------------------------------------ loading
  async function loadOptions() {
    try {
      const st = await getJson("/api/stats");
      const add = (id, keys) => {
        const sel = $(id);
        for (const k of keys) {
          if (k === "unknown" || [...sel.options].some((o) => o.value === k)) continue;
          sel.appendChild(el("option", { value: k }, k));
        }
      };
      add("f-state", Object.keys(st.per_state).sort());
      add("f-type", Object.keys(st.per_type).sort());
      add("f-issue", Object.keys(st.per_issue).sort());
    } catch (e) { /* the filters still work as free values from the URL */ }
  }

  let loadSeq = 0;
  async function load() {
    const { filters: f, event } = filtersFromUrl();
    fillForm(f);
    const seq = ++loadSeq;
    setStatus("Loading…");
    let list, stats;
    try {
      [list, stats] = await Promise.all([
        getJson(`/api/events?${query(f, { limit: LIMIT })}`),
        getJson(`/api/stats?${query(f)}`),
      ]);
    } catch (err) {
      if (seq === loadSeq) setStatus(`Could not load the events (${err.message}).`);
      return;
    }
    if (seq !== loadSeq) return;
    const events = list.events;
    const located = events.filter((e) => e.lat != null && e.lon != null).length;
    setStatus(`${stats.events} event${stats.events === 1 ? "" : "s"}` +
      (list.next_offset != null ? ` (showing the first ${events.length})` : "") +
      `; ${located} on the map` +
      (stats.size.size_low_sum ? `; at least ${stats.size.size_low_sum.toLocaleString()} participants reported` : "") + ".");
    $("events").setAttribute("aria-busy", "false");
    renderList(events);
    renderMarkers(events);
    renderTimeline(stats.per_day, f);
    $("export-geojson").setAttribute("href", `/api/events?${query(f, { format: "geojson" })}`);
    $("export-csv").setAttribute("href", `/api/events?${query(f, { format: "csv" })}`);
    if (event && event !== currentEventId) openEvent(event, false);
    else if (!event && currentEventId) closeDetail(false);
  }

  function apply(push) {
    const f = filtersFromForm();
    pushUrl(f, null, !push);
    return load();
  }

  // ------------------------------------------------------------------ wiring
  document.addEventListener("DOMContentLoaded", () => {
    initMap();
    const form = $("filters");
    form.addEventListener("submit", (ev) => { ev.preventDefault(); apply(true); });
    for (const name of ["state", "type", "issue", "since", "until"]) {
      form.elements[name].addEventListener("change", () => apply(true));
    }
    $("f-reset").addEventListener("click", () => { fillForm({}); apply(true); });
    $("detail-close").addEventListener("click", () => closeDetail(true));
    document.addEventListener("keydown", (ev) => { if (ev.key === "Escape" && !$("detail").hidden) closeDetail(true); });
    window.addEventListener("popstate", () => load());
    loadOptions().then(load);
  });
})();
