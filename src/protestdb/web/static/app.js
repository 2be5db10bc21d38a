/* protestdb page: clustered map, brushable timeline, list, event detail with highlighted
 * evidence, campaign summary, review (correct / merge / split) for signed-in editors.
 *
 * Plain JS, no build step. Everything that comes from the data (article text, field
 * values, titles, URLs) is untrusted: the DOM is built with createElement/textContent
 * only, never innerHTML, and links are kept only for http(s) URLs.
 */
"use strict";

(function () {
  const FILTERS = ["since", "until", "state", "type", "issue", "organization", "campaign", "q"];
  const PAGE = 100;
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

  // ------------------------------------------------------------------ state
  let map = null;
  let markerLayer = null;
  let renderer = null;
  let currentEventId = null;
  let points = [];          // [id, lat, lon, size, date, place] of the located events in view
  let fitted = false;
  let nextCursor = null;
  const markersById = new Map();
  const TOKEN_KEY = "protestdb-token";

  function token() { try { return sessionStorage.getItem(TOKEN_KEY); } catch (e) { return null; } }
  function headers(extra) {
    const h = Object.assign({ Accept: "application/json" }, extra || {});
    const t = token();
    if (t) h.Authorization = `Bearer ${t}`;
    return h;
  }

  /** The view's state from the URL: filters, the brushed date range, the open event. */
  function viewFromUrl() {
    const params = new URLSearchParams(window.location.search);
    const f = {};
    for (const k of FILTERS) { const v = params.get(k); if (v) f[k] = v; }
    let brush = null;
    const b = params.get("brush");
    if (b && /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/.test(b)) brush = b.split("..");
    return { filters: f, brush, event: params.get("event") };
  }
  function filtersFromForm() {
    const form = $("filters");
    const f = {};
    for (const k of FILTERS) { const input = form.elements[k]; const v = input ? input.value.trim() : ""; if (v) f[k] = v; }
    return f;
  }
  function fillForm(f) {
    const form = $("filters");
    for (const k of FILTERS) {
      const input = form.elements[k];
      if (!input) continue;
      const v = f[k] || "";
      if (input.tagName === "SELECT" && v && ![...input.options].some((o) => o.value === v)) {
        input.appendChild(el("option", { value: v }, v));
      }
      input.value = v;
    }
  }
  /** Query string of the filters, narrowed to the brushed range (when given), plus extras. */
  function query(f, brush, extra) {
    const p = new URLSearchParams();
    for (const k of FILTERS) if (f[k]) p.set(k, f[k]);
    if (brush) {
      if (!f.since || brush[0] > f.since) p.set("since", brush[0]);
      if (!f.until || brush[1] < f.until) p.set("until", brush[1]);
    }
    for (const [k, v] of Object.entries(extra || {})) if (v !== null && v !== undefined) p.set(k, v);
    return p.toString();
  }
  function pushUrl(view, replace) {
    const p = new URLSearchParams(query(view.filters));
    if (view.brush) p.set("brush", view.brush.join(".."));
    if (view.event) p.set("event", view.event);
    const qs = p.toString();
    const url = window.location.pathname + (qs ? "?" + qs : "");
    if (url === window.location.pathname + window.location.search) return;
    (replace ? history.replaceState : history.pushState).call(history, null, "", url);
  }
  async function getJson(url, init) {
    const r = await fetch(url, Object.assign({ headers: headers() }, init || {}));
    if (!r.ok) {
      let msg = `${r.status}`;
      try { const b = await r.json(); if (b && b.detail) msg += `: ${typeof b.detail === "string" ? b.detail : JSON.stringify(b.detail)}`; } catch (e) { /* not JSON */ }
      const err = new Error(msg); err.status = r.status; throw err;
    }
    return r.json();
  }
  function postJson(url, body) {
    return getJson(url, { method: "POST", headers: headers({ "Content-Type": "application/json" }), body: JSON.stringify(body) });
  }
  function setStatus(text) { $("status").textContent = text; }

  // ------------------------------------------------------------------ map
  function initMap() {
    if (!window.L) { $("map").textContent = "The map library did not load."; return; }
    map = L.map("map", { zoomSnap: 0.25, worldCopyJump: false, attributionControl: true });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("States: us-atlas / US Census Bureau");
    map.fitBounds(US_BOUNDS);
    markerLayer = L.layerGroup().addTo(map);
    map.on("zoomend moveend", () => drawPoints());
    if (window.ResizeObserver) new ResizeObserver(() => map.invalidateSize()).observe($("map"));
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
  function radiusOf(size) { return size ? Math.max(5, Math.min(24, 3 + 3.2 * Math.log10(size))) : 5; }

  /** Grid clustering in screen space: one circle per 40 px cell; cells with many events show a count. */
  function drawPoints() {
    if (!map) return;
    markerLayer.clearLayers();
    markersById.clear();
    if (!renderer || renderer._kind !== (points.length > 1500 ? "canvas" : "svg")) {
      renderer = points.length > 1500 ? L.canvas({ padding: 0.3 }) : L.svg({ padding: 0.3 });
      renderer._kind = points.length > 1500 ? "canvas" : "svg";
    }
    const zoom = map.getZoom(), cell = 40, view = map.getBounds().pad(0.3);
    const cells = new Map();
    for (const p of points) {
      if (!view.contains([p[1], p[2]])) continue;
      const xy = map.project([p[1], p[2]], zoom);
      const key = `${Math.floor(xy.x / cell)}:${Math.floor(xy.y / cell)}`;
      let c = cells.get(key);
      if (!c) cells.set(key, (c = { pts: [] }));
      c.pts.push(p);
    }
    let singles = 0, clusters = 0;
    for (const c of cells.values()) {
      if (c.pts.length === 1 || zoom >= 13) {
        for (const p of c.pts) { addSingle(p); singles++; }
        continue;
      }
      clusters++;
      let lat = 0, lon = 0;
      for (const p of c.pts) { lat += p[1]; lon += p[2]; }
      const n = c.pts.length, center = [lat / n, lon / n];
      const d = Math.round(Math.max(26, Math.min(56, 16 + 8 * Math.log10(n))));
      const m = L.marker(center, {
        icon: L.divIcon({ className: "cluster", html: "", iconSize: [d, d] }),
        keyboard: true, title: `${n} events here; zoom in`, alt: `${n} events`,
      });
      m.on("click", () => {
        const b = L.latLngBounds(c.pts.map((p) => [p[1], p[2]]));
        map.fitBounds(b.pad(0.2), { maxZoom: Math.min(zoom + 3, 14) });
      });
      m.addTo(markerLayer);
      const node = m.getElement();
      if (node) { node.textContent = n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n); node.setAttribute("aria-label", `${n} events here; zoom in`); }
    }
    const box = $("map");
    box.setAttribute("data-markers", String(points.length));
    box.setAttribute("data-drawn", `${singles}+${clusters}`);
    markCurrent();
  }
  function addSingle(p) {
    const m = L.circleMarker([p[1], p[2]], {
      renderer, radius: radiusOf(p[3]), className: "event-marker", color: "#7f1f1a", weight: 1,
      fillColor: "#c0392b", fillOpacity: 0.55,
    });
    m.bindTooltip(`${p[4] || "date unknown"} ${p[5] || ""}${p[3] ? ` · ${Math.round(p[3]).toLocaleString()} people` : ""}`, { direction: "top" });
    m.on("click", () => openEvent(p[0], true));
    m.addTo(markerLayer);
    const path = m.getElement && m.getElement();
    if (path) {
      path.setAttribute("data-event-id", p[0]);
      path.setAttribute("aria-label", `${p[4] || ""} ${p[5] || ""}`.trim());
    }
    markersById.set(p[0], m);
  }

  /** Fit the map to the events (or to the lower 48 states when there are none). */
  function fitView() {
    if (!map) return;
    if (points.length > 0) {
      // Frame where the events are: when nearly all lie in the lower 48 states, a few in
      // Alaska, Hawaii or abroad should not shrink the whole country to a corner.
      const lower48 = L.latLngBounds(US_BOUNDS);
      const inside = points.filter((p) => lower48.contains([p[1], p[2]]));
      const framed = inside.length >= 0.9 * points.length ? inside : points;
      const b = L.latLngBounds(framed.map((p) => [p[1], p[2]])).pad(0.3);
      map.fitBounds(framed.length === 1 ? b.pad(8) : b, { maxZoom: 8 });
    } else {
      map.fitBounds(US_BOUNDS);
    }
  }

  // ------------------------------------------------------------------ list
  function renderList(events, append) {
    const list = $("events");
    if (!append) clear(list);
    if (!append && events.length === 0) {
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
      const path = m.getElement && m.getElement();
      if (path) path.classList.toggle("selected", on);
    }
    for (const b of document.querySelectorAll("button.event")) {
      if (b.dataset.eventId === currentEventId) b.setAttribute("aria-current", "true");
      else b.removeAttribute("aria-current");
    }
  }

  // ------------------------------------------------------------------ timeline (brushable)
  function dayAxis(perDay) {
    const days = Object.keys(perDay || {}).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
    if (days.length === 0) return [];
    const first = new Date(days[0] + "T00:00:00Z"), last = new Date(days[days.length - 1] + "T00:00:00Z");
    const span = Math.round((last - first) / 86400000) + 1;
    if (span > 1200) return days;  // very long spans: only days with events
    const axis = [];
    for (let i = 0; i < span; i++) axis.push(new Date(first.getTime() + i * 86400000).toISOString().slice(0, 10));
    return axis;
  }

  function renderTimeline(perDay, view) {
    const box = $("timeline");
    clear(box);
    const axis = dayAxis(perDay);
    $("brush-clear").hidden = !view.brush;
    $("brush-label").textContent = view.brush ? `Selected: ${view.brush[0]} to ${view.brush[1]}` : "Drag across the bars to select dates.";
    if (axis.length === 0) { box.appendChild(el("p", { class: "empty" }, "No dated events.")); return; }
    const W = 600, H = 72;
    const max = Math.max(...axis.map((d) => perDay[d] || 0));
    const bw = W / axis.length;
    const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none", role: "group",
      "aria-label": `Events per day, ${axis[0]} to ${axis[axis.length - 1]}; drag to select a date range` });
    const brushRect = svg("rect", { class: "brush", x: 0, y: 0, width: 0, height: H });
    s.appendChild(brushRect);
    const inBrush = (d) => view.brush && d >= view.brush[0] && d <= view.brush[1];
    const select = (a, b) => {
      const lo = a < b ? a : b, hi = a < b ? b : a;
      brushTo([lo, hi]);
    };
    let anchor = null;
    axis.forEach((d, i) => {
      const n = perDay[d] || 0;
      if (!n) return;
      const h = Math.max(2, (H - 4) * n / max);
      const r = svg("rect", { class: inBrush(d) ? "bar in" : "bar", x: i * bw + bw * 0.1, y: H - h, width: Math.max(1, bw * 0.8), height: h,
        tabindex: 0, role: "button", "data-day": d, "aria-label": `${d}: ${n} event${n === 1 ? "" : "s"}; Enter selects this day, Shift+Enter extends the selection` });
      const t = svg("title"); t.textContent = `${d}: ${n} event${n === 1 ? "" : "s"}`;
      r.appendChild(t);
      r.addEventListener("keydown", (ev) => {
        if (ev.key !== "Enter" && ev.key !== " ") return;
        ev.preventDefault();
        if (ev.shiftKey && view.brush) select(d < view.brush[0] ? d : view.brush[0], d > view.brush[1] ? d : view.brush[1]);
        else select(d, d);
      });
      s.appendChild(r);
    });
    if (view.brush) {
      const i0 = axis.findIndex((d) => d >= view.brush[0]);
      let i1 = -1; axis.forEach((d, i) => { if (d <= view.brush[1]) i1 = i; });
      if (i0 >= 0 && i1 >= i0) { brushRect.setAttribute("x", i0 * bw); brushRect.setAttribute("width", (i1 - i0 + 1) * bw); }
    }
    // Pointer brushing: drag across the bars (a click selects one day).
    const idxAt = (clientX) => {
      const b = s.getBoundingClientRect();
      return Math.max(0, Math.min(axis.length - 1, Math.floor((clientX - b.left) / b.width * axis.length)));
    };
    s.addEventListener("pointerdown", (ev) => {
      if (ev.button !== 0) return;
      anchor = idxAt(ev.clientX);
      try { s.setPointerCapture(ev.pointerId); } catch (e) { /* synthetic pointer */ }
      brushRect.setAttribute("x", anchor * bw); brushRect.setAttribute("width", bw);
      ev.preventDefault();
    });
    s.addEventListener("pointermove", (ev) => {
      if (anchor === null) return;
      const i = idxAt(ev.clientX), lo = Math.min(anchor, i), hi = Math.max(anchor, i);
      brushRect.setAttribute("x", lo * bw); brushRect.setAttribute("width", (hi - lo + 1) * bw);
    });
    s.addEventListener("pointerup", (ev) => {
      if (anchor === null) return;
      const i = idxAt(ev.clientX);
      const a = anchor; anchor = null;
      select(axis[a], axis[i]);
    });
    box.appendChild(s);
    box.appendChild(el("div", { class: "axis", "aria-hidden": "true" },
      el("span", {}, axis[0]), axis.length > 1 ? el("span", {}, axis[axis.length - 1]) : null));
  }

  function brushTo(range) {
    const v = viewFromUrl();
    v.brush = range; v.event = null;
    pushUrl(v, false);
    load();
  }
  // ------------------------------------------------------------------ detail
  function closeDetail(push) {
    const panel = $("detail");
    panel.hidden = true;
    const prev = currentEventId;
    currentEventId = null;
    markCurrent();
    if (push) { const v = viewFromUrl(); v.event = null; pushUrl(v, false); }
    const btn = prev && document.querySelector(`button.event[data-event-id="${CSS.escape(prev)}"]`);
    if (btn) btn.focus();
  }

  async function openEvent(id, push) {
    currentEventId = id;
    markCurrent();
    if (push) { const v = viewFromUrl(); v.event = id; pushUrl(v, false); }
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
    if (e.origin === "ccc") {
      body.appendChild(el("p", { class: "note" }, "Imported from the Crowd Counting Consortium: its values were coded by people and carry no evidence spans."));
    }

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
      if (evs.length === 0 && name !== "date_precision" && e.origin !== "ccc") td.appendChild(el("span", { class: "noev" }, " (no evidence)"));
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
      const why = (e.why || {})[s.article_id];
      ol.appendChild(el("li", {},
        href ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, name) : name,
        s.published ? ` (${s.published})` : null,
        why ? el("div", { class: "why" }, `Why here: ${why.text}`) : null));
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
    renderReview(e, articles);
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

  // ------------------------------------------------------------------ review (signed-in editors)
  let editor = null;  // the token's owner, from /api/me

  async function checkToken() {
    try {
      const me = await getJson("/api/me");
      editor = me.scopes && me.scopes.includes("write") ? me.name : null;
      readClosed = !!me.read_token_required;
    } catch (e) { editor = null; }
    $("signin-state").textContent = editor ? `Signed in as ${editor}` : "";
    $("signin-open").hidden = !!editor;
    $("signout").hidden = !editor;
    return editor;
  }
  let readClosed = false;

  function renderReview(e, articles) {
    const body = $("detail-body");
    const sec = el("section", { class: "review", "aria-labelledby": "review-heading" }, el("h3", { id: "review-heading" }, "Review"));
    body.appendChild(sec);
    if (!editor) {
      sec.appendChild(el("p", { class: "note" }, "Sign in with an editor token to correct, merge or split this event."));
    } else {
      const msg = el("p", { class: "review-msg", role: "status", "aria-live": "polite" });
      const act = async (path, payload) => {
        msg.textContent = "Saving…";
        try {
          const res = await postJson(`/api/events/${encodeURIComponent(e.id)}/${path}`, payload);
          const id = res.event.id;
          const v = viewFromUrl(); v.event = id; pushUrl(v, true);
          currentEventId = null;
          await load();
          msg.textContent = "Saved.";
        } catch (err) { msg.textContent = `Not saved (${err.message}).`; }
      };
      // Correct a field.
      const fieldSel = el("select", { id: "rv-field", name: "field" }, FIELDS.map(([n, l]) => el("option", { value: n }, l)));
      const valIn = el("input", { id: "rv-value", name: "value", type: "text", placeholder: "new value (lists: a; b; empty clears)" });
      fieldSel.addEventListener("change", () => { const v = e[fieldSel.value]; valIn.value = isEmpty(v) ? "" : fmtValue(v); });
      fieldSel.dispatchEvent(new Event("change"));
      const fCorrect = el("form", { class: "rv", id: "rv-correct" },
        el("label", { for: "rv-field" }, "Field"), fieldSel, el("label", { for: "rv-value" }, "Value"), valIn,
        el("button", { type: "submit" }, "Correct"));
      fCorrect.addEventListener("submit", (ev) => { ev.preventDefault(); act("correct", { field: fieldSel.value, value: valIn.value }); });
      // Merge another event into this one.
      const otherIn = el("input", { id: "rv-other", name: "other_id", type: "text", placeholder: "event id", required: true });
      const fMerge = el("form", { class: "rv", id: "rv-merge" },
        el("label", { for: "rv-other" }, "Merge event"), otherIn, el("button", { type: "submit" }, "Merge into this"));
      fMerge.addEventListener("submit", (ev) => { ev.preventDefault(); act("merge", { other_id: otherIn.value.trim() }); });
      sec.append(fCorrect, fMerge);
      // Split one source out.
      if ((e.sources || []).length > 1) {
        const artSel = el("select", { id: "rv-article", name: "article_id" },
          e.sources.filter((s) => !s.article_id.startsWith("ccc:"))
            .map((s, i) => el("option", { value: s.article_id }, `${i + 1}. ${[s.outlet, s.title].filter(Boolean).join(": ") || s.article_id.slice(0, 12)}`)));
        const reasonIn = el("input", { id: "rv-reason", name: "reason", type: "text", placeholder: "why they are not one event" });
        const fSplit = el("form", { class: "rv", id: "rv-split" },
          el("label", { for: "rv-article" }, "Split out source"), artSel,
          el("label", { for: "rv-reason" }, "Reason"), reasonIn, el("button", { type: "submit" }, "Split"));
        fSplit.addEventListener("submit", (ev) => { ev.preventDefault(); act("split", { article_id: artSel.value, reason: reasonIn.value.trim() || null }); });
        sec.appendChild(fSplit);
      }
      sec.appendChild(msg);
    }
    // The review queue: close calls resolution did not merge, with their score components.
    const queue = e.queue || [];
    if (queue.length) {
      sec.appendChild(el("h4", {}, `May be the same event (${queue.length})`));
      const ql = el("ol", { class: "queue", "aria-label": "Possible duplicates to review" });
      for (const q of queue) {
        const other = q.event_id === e.id ? q.other_event_id : q.event_id;
        const li = el("li", { "data-flag": String(q.id) },
          el("a", { href: `?event=${encodeURIComponent(other)}` }, other), ` (${q.kind}): ${q.text}`);
        if (editor) {
          const merge = el("button", { type: "button" }, "Merge into this");
          merge.addEventListener("click", async () => {
            try { await postJson(`/api/events/${encodeURIComponent(e.id)}/merge`, { other_id: other }); currentEventId = null; await load(); }
            catch (err) { li.appendChild(el("span", { class: "review-msg" }, ` Not merged (${err.message}).`)); }
          });
          const dismiss = el("button", { type: "button" }, "Not the same");
          dismiss.addEventListener("click", async () => {
            try { await postJson(`/api/review/queue/${q.id}/dismiss`, {}); li.remove(); }
            catch (err) { li.appendChild(el("span", { class: "review-msg" }, ` Not saved (${err.message}).`)); }
          });
          li.append(" ", merge, " ", dismiss);
        }
        ql.appendChild(li);
      }
      sec.appendChild(ql);
    }
    const audit = el("ol", { class: "audit", "aria-label": "Audit trail" });
    sec.appendChild(el("h4", {}, "Audit trail"));
    sec.appendChild(audit);
    getJson(`/api/events/${encodeURIComponent(e.id)}/audit`).then((rows) => {
      if (!rows.length) { audit.appendChild(el("li", { class: "empty" }, "No review actions yet.")); return; }
      for (const r of rows) {
        const what = r.action === "correct" ? `set ${r.field} from ${JSON.stringify(r.before)} to ${JSON.stringify(r.after)}`
          : r.action === "merge" ? `merged ${r.other_id} into ${r.event_id}`
          : r.action === "dismiss" ? `not the same event as ${r.other_id}` : `split ${r.other_id} out of ${r.event_id}${r.note && r.note.includes(": ") ? ` (${r.note.split(": ").slice(1).join(": ")})` : ""}`;
        audit.appendChild(el("li", {}, el("time", {}, r.at), ` ${r.by}: ${what}`));
      }
    }).catch(() => audit.appendChild(el("li", { class: "empty" }, "The audit trail could not be loaded.")));
  }

  function openSignin() {
    const dlg = $("signin");
    dlg.hidden = false;
    $("signin-token").value = "";
    $("signin-token").focus();
  }
  async function signin(ev) {
    ev.preventDefault();
    const t = $("signin-token").value.trim();
    try { sessionStorage.setItem(TOKEN_KEY, t); } catch (e) { /* storage off */ }
    const who = await checkToken();
    if (!who) {
      try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* storage off */ }
      $("signin-msg").textContent = "That token is not valid for editing.";
      return;
    }
    $("signin-msg").textContent = "";
    $("signin").hidden = true;
    load();
    if (currentEventId) { const id = currentEventId; currentEventId = null; openEvent(id, false); }
  }
  function signout() {
    try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* storage off */ }
    checkToken().then(() => { if (currentEventId) { const id = currentEventId; currentEventId = null; openEvent(id, false); } });
  }

  // ------------------------------------------------------------------ campaigns
  let campaignsLoaded = false;
  async function loadCampaigns() {
    if (campaignsLoaded) return;
    campaignsLoaded = true;
    try {
      const res = await getJson("/api/campaigns?limit=200");
      const sel = $("f-campaign");
      for (const c of res.campaigns) {
        if ([...sel.options].some((o) => o.value === c.id)) continue;
        sel.appendChild(el("option", { value: c.id }, `${c.name} (${c.n_events}, ${c.first_date || "?"})`));
      }
      $("f-campaign-field").hidden = res.count === 0 && !sel.value;
    } catch (e) { /* campaigns are optional */ }
  }
  async function renderCampaign(id) {
    const box = $("campaign");
    clear(box);
    box.hidden = !id;
    if (!id) return;
    try {
      const c = (await getJson(`/api/campaigns/${encodeURIComponent(id)}`)).campaign;
      const sizes = c.size_low_sum ? `${c.size_low_sum.toLocaleString()}${c.size_high_sum > c.size_low_sum ? `–${c.size_high_sum.toLocaleString()}` : ""} people` : "size unknown";
      box.append(el("h2", {}, `Campaign: ${c.name}`),
        el("p", {}, `${c.first_date || "?"} to ${c.last_date || "?"} · ${c.n_events} events in ${c.n_localities} places, ${c.n_states} states · ${sizes}`));
    } catch (e) { box.appendChild(el("p", { role: "alert" }, `Campaign not found (${e.message}).`)); }
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
      const dl = $("orgs");
      for (const k of Object.keys(st.per_organization || {})) dl.appendChild(el("option", { value: k }));
    } catch (e) { /* the filters still work as free values from the URL */ }
  }

  let loadSeq = 0;
  async function load() {
    const view = viewFromUrl(), f = view.filters, brush = view.brush;
    fillForm(f);
    const seq = ++loadSeq;
    setStatus("Loading…");
    $("map").removeAttribute("data-render-ms");
    let list, stats, full, pts;
    try {
      const calls = [
        getJson(`/api/events?${query(f, brush, { limit: PAGE })}`),
        getJson(`/api/stats?${query(f, brush)}`),
        getJson(`/api/events?${query(f, brush, { format: "points" })}`),
      ];
      if (brush) calls.push(getJson(`/api/stats?${query(f)}`));
      [list, stats, pts, full] = await Promise.all(calls);
    } catch (err) {
      if (seq === loadSeq) setStatus(err.status === 401 ? "This server needs a token to read: sign in." : `Could not load the events (${err.message}).`);
      return;
    }
    if (seq !== loadSeq) return;
    full = full || stats;
    points = pts.points;
    nextCursor = list.next;
    setStatus(`${stats.events.toLocaleString()} event${stats.events === 1 ? "" : "s"}` +
      (brush ? ` between ${brush[0]} and ${brush[1]}` : "") +
      `; ${stats.located.toLocaleString()} on the map` +
      (stats.size.size_low_sum ? `; at least ${stats.size.size_low_sum.toLocaleString()} participants reported` : "") + ".");
    $("status").setAttribute("data-count", String(stats.events));
    renderList(list.events, false);
    $("more").hidden = !nextCursor;
    const t0 = performance.now();
    drawPoints();
    if (!fitted || !view.event) { fitView(); fitted = true; }
    $("map").setAttribute("data-points", String(points.length));
    $("map").setAttribute("data-render-ms", String(Math.round(performance.now() - t0)));
    $("map").setAttribute("data-render-done", String(Math.round(performance.now())));
    renderTimeline(full.per_day, view);
    $("export-geojson").setAttribute("href", `/api/events?${query(f, brush, { format: "geojson" })}`);
    $("export-csv").setAttribute("href", `/api/events?${query(f, brush, { format: "csv" })}`);
    renderCampaign(f.campaign);
    if (view.event && view.event !== currentEventId) openEvent(view.event, false);
    else if (!view.event && currentEventId) closeDetail(false);
    setTimeout(loadCampaigns, 50);
  }

  async function loadMore() {
    if (!nextCursor) return;
    const view = viewFromUrl();
    const res = await getJson(`/api/events?${query(view.filters, view.brush, { limit: PAGE, after: nextCursor })}`);
    nextCursor = res.next;
    renderList(res.events, true);
    $("more").hidden = !nextCursor;
  }

  function apply(push) {
    const v = viewFromUrl();
    pushUrl({ filters: filtersFromForm(), brush: v.brush, event: null }, !push);
    return load();
  }

  // ------------------------------------------------------------------ wiring
  document.addEventListener("DOMContentLoaded", () => {
    initMap();
    const form = $("filters");
    form.addEventListener("submit", (ev) => { ev.preventDefault(); apply(true); });
    for (const name of ["state", "type", "issue", "since", "until", "campaign"]) {
      form.elements[name].addEventListener("change", () => apply(true));
    }
    $("f-reset").addEventListener("click", () => { fillForm({}); pushUrl({ filters: {}, brush: null, event: null }, false); load(); });
    $("brush-clear").addEventListener("click", () => brushTo(null));
    $("more").addEventListener("click", () => loadMore());
    $("detail-close").addEventListener("click", () => closeDetail(true));
    $("signin-open").addEventListener("click", openSignin);
    $("signin-cancel").addEventListener("click", () => { $("signin").hidden = true; });
    $("signin-form").addEventListener("submit", signin);
    $("signout").addEventListener("click", signout);
    document.addEventListener("keydown", (ev) => {
      if (ev.key !== "Escape") return;
      if (!$("signin").hidden) { $("signin").hidden = true; return; }
      if (!$("detail").hidden) closeDetail(true);
    });
    window.addEventListener("popstate", () => load());
    checkToken().then(loadOptions).then(load);
  });
})();
