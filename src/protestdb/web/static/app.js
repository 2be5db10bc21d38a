/* protestdb page: clustered map (co-located events spread out, state/county shading, place
 * labels, county lines, legend), brushable timeline with axes (day/week/month, events or
 * participants, planned events apart), sortable list, event detail with highlighted evidence,
 * campaign summary, review (correct / merge / split) for signed-in editors.
 *
 * Plain JS, no build step. Everything that comes from the data (article text, field
 * values, titles, URLs) is untrusted: the DOM is built with createElement/textContent
 * only, never innerHTML, and links are kept only for http(s) URLs.
 */
"use strict";

(function () {
  const FILTERS = ["since", "until", "state", "type", "issue", "status", "organization", "campaign", "q",
    "valence", "size_min", "size_max", "arrests", "injuries", "property_damage", "county"];
  const MULTI = ["type", "issue"];
  const PAGE = 100;
  const US_BOUNDS = [[24.4, -125.0], [49.5, -66.9]];
  const REGIONS = [
    ["48 states", "US 48", US_BOUNDS], ["Alaska", "AK", [[51.2, -179.5], [71.5, -129.9]]],
    ["Hawaii", "HI", [[18.8, -160.4], [22.4, -154.7]]], ["Puerto Rico", "PR", [[17.8, -67.4], [18.6, -65.2]]],
  ];
  /** Code, name and FIPS of the states, DC and territories (labels instead of codes; shading). */
  const STATES = [
    ["AL", "Alabama", "01"], ["AK", "Alaska", "02"], ["AZ", "Arizona", "04"], ["AR", "Arkansas", "05"],
    ["CA", "California", "06"], ["CO", "Colorado", "08"], ["CT", "Connecticut", "09"], ["DE", "Delaware", "10"],
    ["DC", "District of Columbia", "11"], ["FL", "Florida", "12"], ["GA", "Georgia", "13"], ["HI", "Hawaii", "15"],
    ["ID", "Idaho", "16"], ["IL", "Illinois", "17"], ["IN", "Indiana", "18"], ["IA", "Iowa", "19"],
    ["KS", "Kansas", "20"], ["KY", "Kentucky", "21"], ["LA", "Louisiana", "22"], ["ME", "Maine", "23"],
    ["MD", "Maryland", "24"], ["MA", "Massachusetts", "25"], ["MI", "Michigan", "26"], ["MN", "Minnesota", "27"],
    ["MS", "Mississippi", "28"], ["MO", "Missouri", "29"], ["MT", "Montana", "30"], ["NE", "Nebraska", "31"],
    ["NV", "Nevada", "32"], ["NH", "New Hampshire", "33"], ["NJ", "New Jersey", "34"], ["NM", "New Mexico", "35"],
    ["NY", "New York", "36"], ["NC", "North Carolina", "37"], ["ND", "North Dakota", "38"], ["OH", "Ohio", "39"],
    ["OK", "Oklahoma", "40"], ["OR", "Oregon", "41"], ["PA", "Pennsylvania", "42"], ["RI", "Rhode Island", "44"],
    ["SC", "South Carolina", "45"], ["SD", "South Dakota", "46"], ["TN", "Tennessee", "47"], ["TX", "Texas", "48"],
    ["UT", "Utah", "49"], ["VT", "Vermont", "50"], ["VA", "Virginia", "51"], ["WA", "Washington", "53"],
    ["WV", "West Virginia", "54"], ["WI", "Wisconsin", "55"], ["WY", "Wyoming", "56"], ["AS", "American Samoa", "60"],
    ["GU", "Guam", "66"], ["MP", "Northern Mariana Islands", "69"], ["PR", "Puerto Rico", "72"], ["VI", "U.S. Virgin Islands", "78"],
  ];
  const STATE_NAME = new Map(STATES.map(([c, n]) => [c, n]));
  const STATE_OF_FIPS = new Map(STATES.map(([c, , f]) => [f, c]));

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
  /** Codes shown with their meaning (the codebook at /codebook has them all). */
  const CODE_LABELS = {
    valence: { 0: "0 — neither left nor right", 1: "1 — left-wing", 2: "2 — right-wing" },
    size_cat: { 1: "1 — 1-99 people", 2: "2 — 100-999 people", 3: "3 — 1,000-9,999 people", 4: "4 — 10,000 or more people" },
  };
  const VALENCE_WORDS = { 0: "neither left nor right", 1: "left-wing", 2: "right-wing" };
  function fmtField(name, v) {
    const labels = CODE_LABELS[name];
    if (labels && labels[v] !== undefined) return labels[v];
    if (name === "state" && STATE_NAME.has(v)) return `${STATE_NAME.get(v)} (${v})`;
    return fmtValue(v);
  }
  /** A type / issue value as a label: "hunger strike" -> "Hunger strike". */
  function label(v) { return v ? v.charAt(0).toUpperCase() + v.slice(1) : v; }

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
  function plural(n, one, many) { return `${n.toLocaleString()} ${n === 1 ? one : (many || one + "s")}`; }

  // ------------------------------------------------------------------ state
  let map = null;
  let markerLayer = null, spreadLayer = null, shadeLayer = null, labelLayer = null, countyLines = null;
  let legend = null;
  let renderer = null;
  let currentEventId = null;
  let points = [];          // [id, lat, lon, size, date, place, planned] of the located events in view
  let fitted = false;
  let nextCursor = null;
  let statesGeo = null, countiesTopo = null, places = null;
  let lastStats = null;     // the stats of what is shown (shading)
  const markersById = new Map();
  const TOKEN_KEY = "protestdb-token";

  function token() { try { return sessionStorage.getItem(TOKEN_KEY); } catch (e) { return null; } }
  function headers(extra) {
    const h = Object.assign({ Accept: "application/json" }, extra || {});
    const t = token();
    if (t) h.Authorization = `Bearer ${t}`;
    return h;
  }

  /** The view's state from the URL: filters, the brushed date range, the open event, list order,
   *  map view and mode, timeline bins and series. */
  function viewFromUrl() {
    const params = new URLSearchParams(window.location.search);
    const f = {};
    for (const k of FILTERS) { const v = params.get(k); if (v) f[k] = v; }
    let brush = null;
    const b = params.get("brush");
    if (b && /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/.test(b)) brush = b.split("..");
    const m = params.get("map");
    let mapView = null;
    if (m && /^\d{1,2}(\.\d+)?\/-?\d{1,2}(\.\d+)?\/-?\d{1,3}(\.\d+)?$/.test(m)) {
      const [z, lat, lon] = m.split("/").map(Number);
      if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 && z <= 18) mapView = { z, lat, lon };
    }
    const sort = params.get("sort"), order = params.get("order");
    return {
      filters: f, brush, event: params.get("event"),
      sort: ["date", "size", "state", "relevance"].includes(sort) ? sort : "date",
      order: order === "desc" ? "desc" : "asc",
      map: mapView,
      shade: ["state", "county"].includes(params.get("shade")) ? params.get("shade") : "",
      bin: ["week", "month"].includes(params.get("bin")) ? params.get("bin") : "day",
      series: params.get("series") === "participants" ? "participants" : "events",
    };
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
        input.appendChild(el("option", { value: v }, k === "state" ? v.split(",").map((s) => STATE_NAME.get(s) || s).join(", ") : v));
      }
      input.value = v;
    }
    for (const k of MULTI) syncMulti(k, f[k] || "");
    const n = FILTERS.filter((k) => f[k]).length;
    $("filters-active").textContent = n ? `(${n} active)` : "";
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
    if (view.sort && view.sort !== "date") p.set("sort", view.sort);
    if (view.order === "desc") p.set("order", "desc");
    if (view.shade) p.set("shade", view.shade);
    if (view.bin && view.bin !== "day") p.set("bin", view.bin);
    if (view.series === "participants") p.set("series", "participants");
    if (view.map) p.set("map", `${view.map.z}/${view.map.lat}/${view.map.lon}`);
    const qs = p.toString();
    const url = window.location.pathname + (qs ? "?" + qs : "");
    if (url === window.location.pathname + window.location.search) return;
    (replace ? history.replaceState : history.pushState).call(history, null, "", url);
  }
  /** Change some view keys (not the filters) in the URL. */
  function changeView(changes, replace) {
    const v = viewFromUrl();
    Object.assign(v, changes);
    pushUrl(v, replace);
    return v;
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

  // ------------------------------------------------------------------ multi-select filters (type, issue)
  function multiBox(k) { return $(`f-${k}-box`); }
  function addMultiOption(k, value, text) {
    const opts = multiBox(k).querySelector(".opts");
    if ([...opts.querySelectorAll("input")].some((i) => i.value === value)) return;
    const id = `f-${k}-${opts.children.length}`;
    const box = el("input", { type: "checkbox", id, value, "data-multi": k });
    box.addEventListener("change", () => {
      const vals = [...opts.querySelectorAll("input:checked")].map((i) => i.value);
      $(`f-${k}`).value = vals.join(",");
      syncMulti(k, vals.join(","));
      apply(true);
    });
    opts.appendChild(el("label", { for: id, class: "opt" }, box, " ", text));
  }
  function syncMulti(k, value) {
    const vals = value ? value.split(",") : [];
    for (const v of vals) addMultiOption(k, v, label(v));
    for (const i of multiBox(k).querySelectorAll("input")) i.checked = vals.includes(i.value);
    $(`f-${k}`).value = value;
    multiBox(k).querySelector("summary").textContent = vals.length ? vals.map(label).join(", ") : `Any ${k}`;
  }

  // ------------------------------------------------------------------ map
  function initMap() {
    if (!window.L) { $("map").textContent = "The map library did not load."; return; }
    map = L.map("map", { zoomSnap: 0.25, worldCopyJump: false, attributionControl: true });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("States, counties: us-atlas / US Census Bureau; places: GeoNames");
    map.createPane("labels");
    map.getPane("labels").style.zIndex = 450;
    map.getPane("labels").style.pointerEvents = "none";
    moveMap(() => map.fitBounds(US_BOUNDS, { animate: false }));
    shadeLayer = L.layerGroup().addTo(map);
    markerLayer = L.layerGroup().addTo(map);
    spreadLayer = L.layerGroup().addTo(map);
    labelLayer = L.layerGroup().addTo(map);
    map.on("zoomstart", () => spreadLayer.clearLayers());
    map.on("zoomend moveend", () => { drawPoints(); drawLabels(); toggleCountyLines(); rememberMapView(); });
    if (window.ResizeObserver) new ResizeObserver(() => map.invalidateSize()).observe($("map"));
    addRegionControl();
    addModeControl();
    legend = L.control({ position: "bottomleft" });
    legend.onAdd = () => {
      const d = el("details", { class: "legend-box" }, el("summary", {}, "Legend"), el("div", { class: "legend", id: "legend" }));
      d.open = !(window.matchMedia && window.matchMedia("(max-width: 700px)").matches);
      L.DomEvent.disableClickPropagation(d);
      return d;
    };
    legend.addTo(map);
    fetch("/static/vendor/us-atlas/us-states.geo.json")
      .then((r) => r.json())
      .then((geo) => {
        statesGeo = geo;
        L.geoJSON(geo, {
          interactive: false,
          style: () => ({ className: "state-outline", color: "#6b7b8c", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 }),
        }).addTo(map).bringToBack();
        $("map").setAttribute("data-states-loaded", String(geo.features.length));
        if (viewFromUrl().shade === "state") drawShade();
      })
      .catch(() => setStatus("The state outlines could not be loaded."));
    getJson("/api/places").then((res) => { places = res.places; drawLabels(); }).catch(() => { /* labels are optional */ });
  }

  /** Buttons that bring Alaska, Hawaii and Puerto Rico into view (and back to the 48 states). */
  function addRegionControl() {
    const c = L.control({ position: "topleft" });
    c.onAdd = () => {
      const box = el("div", { class: "leaflet-bar regions", role: "group", "aria-label": "Show a region" });
      for (const [name, short, bounds] of REGIONS) {
        const b = el("button", { type: "button", "data-region": name, title: `Show ${name}`, "aria-label": `Show ${name}` }, short);
        b.addEventListener("click", (ev) => { ev.stopPropagation(); map.fitBounds(bounds, { animate: false }); });
        box.appendChild(b);
      }
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    c.addTo(map);
  }
  /** Markers, or areas shaded by their number of events (states, counties). */
  function addModeControl() {
    const c = L.control({ position: "topright" });
    c.onAdd = () => {
      const box = el("div", { class: "leaflet-bar modes", role: "group", "aria-label": "Map shows" });
      for (const [mode, text] of [["", "Events"], ["state", "States"], ["county", "Counties"]]) {
        const b = el("button", { type: "button", "data-shade": mode || "markers", "aria-pressed": "false" }, text);
        b.addEventListener("click", (ev) => { ev.stopPropagation(); changeView({ shade: mode }, false); load(); });
        box.appendChild(b);
      }
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    c.addTo(map);
  }
  let mapMoveFromCode = false;
  let mapFromUrlDone = false;  // the URL's map view (if any) was applied by the first load
  /** The map view goes into the URL (replace: panning is not a history step). */
  function rememberMapView() {
    if (mapMoveFromCode || !map || !mapFromUrlDone) return;
    const c = map.getCenter(), z = map.getZoom();
    changeView({ map: { z: Math.round(z * 100) / 100, lat: Math.round(c.lat * 1e4) / 1e4, lon: Math.round(c.lng * 1e4) / 1e4 } }, true);
  }
  function moveMap(fn) { mapMoveFromCode = true; try { fn(); } finally { mapMoveFromCode = false; } }

  function radiusOf(size) { return size ? Math.max(5, Math.min(24, 3 + 3.2 * Math.log10(size))) : 5; }

  /** Grid clustering in screen space: one circle per 40 px cell; cells with many events show a
   *  count. Clicking a cluster zooms in, or spreads its events out when they share one spot. */
  function drawPoints() {
    if (!map) return;
    markerLayer.clearLayers();
    markersById.clear();
    const box = $("map");
    if (viewFromUrl().shade) { box.setAttribute("data-drawn", "0+0"); return; }
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
      if (c.pts.length === 1) { addSingle(c.pts[0], markerLayer); singles++; continue; }
      clusters++;
      let lat = 0, lon = 0;
      for (const p of c.pts) { lat += p[1]; lon += p[2]; }
      const n = c.pts.length, center = [lat / n, lon / n];
      const together = c.pts.every((p) => Math.abs(p[1] - c.pts[0][1]) < 2e-4 && Math.abs(p[2] - c.pts[0][2]) < 2e-4);
      const d = Math.round(Math.max(26, Math.min(56, 16 + 8 * Math.log10(n))));
      const hint = together || zoom >= 13 ? `${n} events at one place; click to spread them out` : `${n} events here; click to zoom in`;
      const m = L.marker(center, {
        icon: L.divIcon({ className: together ? "cluster together" : "cluster", html: "", iconSize: [d, d] }),
        keyboard: true, title: hint, alt: `${n} events`,
      });
      m.on("click", () => {
        if (together || zoom >= 13) { spread(c.pts, center); return; }
        const b = L.latLngBounds(c.pts.map((p) => [p[1], p[2]]));
        map.fitBounds(b.pad(0.2), { maxZoom: Math.min(zoom + 3, 14) });
      });
      m.addTo(markerLayer);
      const node = m.getElement();
      if (node) {
        node.textContent = n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n);
        node.setAttribute("aria-label", hint);
        node.setAttribute("data-count", String(n));
        if (together) node.setAttribute("data-together", "true");
      }
    }
    box.setAttribute("data-markers", String(points.length));
    box.setAttribute("data-drawn", `${singles}+${clusters}`);
    markCurrent();
  }
  function addSingle(p, layer, at) {
    const planned = !!p[6];
    const m = L.circleMarker(at || [p[1], p[2]], {
      renderer: layer === spreadLayer ? L.svg() : renderer, radius: radiusOf(p[3]),
      className: planned ? "event-marker planned" : "event-marker", color: "#7f1f1a", weight: planned ? 2 : 1,
      dashArray: planned ? "3 3" : null, fillColor: planned ? "#f5d0cc" : "#c0392b", fillOpacity: planned ? 0.35 : 0.55,
    });
    m.bindTooltip(`${p[4] || "date unknown"} ${p[5] || ""}${p[3] ? ` · ${Math.round(p[3]).toLocaleString()} people` : ""}${planned ? " · planned" : ""}`, { direction: "top" });
    m.on("click", () => openEvent(p[0], true));
    m.addTo(layer);
    const path = m.getElement && m.getElement();
    if (path) {
      path.setAttribute("data-event-id", p[0]);
      path.setAttribute("aria-label", `${p[4] || ""} ${p[5] || ""}${planned ? " (planned)" : ""}`.trim());
    }
    markersById.set(p[0], m);
    return m;
  }
  /** Events at one spot: drawn on a circle around it with legs (up to 40), else listed. */
  function spread(pts, center) {
    spreadLayer.clearLayers();
    const n = pts.length;
    if (n > 40) {
      const list = el("ol", { class: "spot-list" });
      for (const p of pts.slice(0, 200)) {
        const b = el("button", { type: "button", class: "linkish", "data-event-id": p[0] }, `${p[4] || "date unknown"} · ${p[5] || ""}${p[3] ? ` · ${Math.round(p[3]).toLocaleString()} people` : ""}${p[6] ? " · planned" : ""}`);
        b.addEventListener("click", () => openEvent(p[0], true));
        list.appendChild(el("li", {}, b));
      }
      const box = el("div", { class: "spot" }, el("strong", {}, `${n} events here`), n > 200 ? el("p", {}, "The first 200; narrow the filters for the rest.") : null, list);
      L.popup({ maxHeight: 280, maxWidth: 340 }).setLatLng(center).setContent(box).openOn(map);
      $("map").setAttribute("data-spread", String(n));
      return;
    }
    const c = map.latLngToLayerPoint(center);
    const r = Math.max(30, n * 5);
    pts.forEach((p, i) => {
      const a = (2 * Math.PI * i) / n - Math.PI / 2;
      const at = map.layerPointToLatLng(L.point(c.x + r * Math.cos(a), c.y + r * Math.sin(a)));
      L.polyline([center, at], { color: "#5a6470", weight: 1, interactive: false, className: "spread-leg" }).addTo(spreadLayer);
      const m = addSingle(p, spreadLayer, at);
      const path = m.getElement && m.getElement();
      if (path) path.classList.add("spread");
    });
    $("map").setAttribute("data-spread", String(n));
    markCurrent();
  }

  /** Place names by zoom: the largest cities first, smaller ones as the map zooms in. */
  function drawLabels() {
    if (!map || !places) return;
    labelLayer.clearLayers();
    const z = map.getZoom();
    const minPop = z < 4.5 ? 2e6 : z < 5.5 ? 5e5 : z < 6.5 ? 2e5 : z < 7.5 ? 8e4 : z < 8.5 ? 4e4 : 15000;
    const view = map.getBounds();
    let n = 0;
    const taken = [];
    for (const [name, , lat, lon, pop] of places) {
      if (pop < minPop) break;
      if (!view.contains([lat, lon])) continue;
      const xy = map.latLngToContainerPoint([lat, lon]);
      if (taken.some((t) => Math.abs(t.x - xy.x) < 70 && Math.abs(t.y - xy.y) < 16)) continue;
      taken.push(xy);
      const m = L.marker([lat, lon], { pane: "labels", interactive: false, keyboard: false,
        icon: L.divIcon({ className: "place-label", html: "", iconSize: null }) });
      m.addTo(labelLayer);
      const node = m.getElement();
      if (node) node.textContent = name;
      if (++n >= 120) break;
    }
    $("map").setAttribute("data-labels", String(n));
  }

  function loadCounties() {
    if (countiesTopo) return Promise.resolve(countiesTopo);
    return fetch("/static/vendor/us-atlas/counties-10m.json").then((r) => r.json()).then((t) => { countiesTopo = t; return t; });
  }
  /** County lines when zoomed in (decoded from the bundled TopoJSON on first use). */
  function toggleCountyLines() {
    if (!map || !window.topojson) return;
    const want = map.getZoom() >= 6 || viewFromUrl().shade === "county";
    if (!want) { if (countyLines) { map.removeLayer(countyLines); $("map").removeAttribute("data-county-lines"); } return; }
    if (countyLines) { if (!map.hasLayer(countyLines)) countyLines.addTo(map); $("map").setAttribute("data-county-lines", "1"); return; }
    loadCounties().then((t) => {
      if (countyLines) return;
      const mesh = topojson.mesh(t, t.objects.counties, (a, b) => a !== b && String(a.id).slice(0, 2) === String(b.id).slice(0, 2));
      countyLines = L.geoJSON(mesh, { interactive: false, style: () => ({ className: "county-line", color: "#9aa5b1", weight: 0.6, opacity: 0.9 }) });
      if (map.getZoom() >= 6 || viewFromUrl().shade === "county") { countyLines.addTo(map); $("map").setAttribute("data-county-lines", "1"); }
    }).catch(() => { /* county lines are optional */ });
  }

  const RAMP = ["#fef0d9", "#fdd49e", "#fdbb84", "#fc8d59", "#e34a33", "#b30000"];
  /** Class breaks (upper bounds) for counts up to max: 1, then log-spaced. */
  function breaks(max) {
    if (max <= RAMP.length) return Array.from({ length: RAMP.length }, (_, i) => Math.min(max, i + 1));
    const out = [];
    for (let i = 1; i <= RAMP.length; i++) out.push(Math.round(Math.pow(max, i / RAMP.length)));
    out[RAMP.length - 1] = max;
    return out;
  }
  function colorOf(n, br) { if (!n) return null; for (let i = 0; i < br.length; i++) if (n <= br[i]) return RAMP[i]; return RAMP[RAMP.length - 1]; }

  /** States or counties shaded by their number of matching events. */
  function drawShade() {
    if (!map) return;
    shadeLayer.clearLayers();
    const mode = viewFromUrl().shade;
    const box = $("map");
    box.removeAttribute("data-shaded");  // set again when the areas are drawn (counties load first)
    box.setAttribute("data-shade", mode || "none");
    for (const b of document.querySelectorAll(".modes button")) b.setAttribute("aria-pressed", String((b.dataset.shade === "markers" ? "" : b.dataset.shade) === mode));
    if (!mode || !lastStats) { renderLegend(null); return; }
    const draw = (features, countOf, nameOf) => {
      const counts = features.map(countOf);
      const br = breaks(Math.max(1, ...counts));
      let shaded = 0;
      L.geoJSON({ type: "FeatureCollection", features }, {
        style: (f) => {
          const n = countOf(f), c = colorOf(n, br);
          if (c) shaded++;
          return { className: "shade", color: "#7a7a7a", weight: 0.5, fillColor: c || "#ffffff", fillOpacity: c ? 0.85 : 0.15 };
        },
        onEachFeature: (f, layer) => {
          const n = countOf(f);
          layer.bindTooltip(`${nameOf(f)}: ${plural(n, "event")}`, { sticky: true });
          layer.on("add", () => { const p = layer.getElement && layer.getElement(); if (p) { p.setAttribute("data-count", String(n)); p.setAttribute("data-name", nameOf(f)); } });
          layer.on("click", () => {
            if (mode === "state") { const code = STATE_OF_FIPS.get(String(f.id).padStart(2, "0")); if (code) { const v = viewFromUrl(); v.filters.state = code; v.shade = ""; v.event = null; pushUrl(v, false); load(); } }
          });
        },
      }).addTo(shadeLayer);
      box.setAttribute("data-shaded", String(shaded));
      renderLegend(br);
    };
    if (mode === "state") {
      if (!statesGeo) return;
      const per = lastStats.per_state || {};
      draw(statesGeo.features, (f) => per[STATE_OF_FIPS.get(String(f.id).padStart(2, "0"))] || 0, (f) => f.properties.name);
    } else {
      loadCounties().then((t) => {
        if (viewFromUrl().shade !== "county" || !window.topojson) return;
        const per = lastStats.per_county || {};
        const fc = topojson.feature(t, t.objects.counties);
        const nameOf = (f) => { const st = STATE_OF_FIPS.get(String(f.id).slice(0, 2)); return `${f.properties.name}${st ? `, ${st}` : ""}`; };
        draw(fc.features, (f) => (per[String(f.id)] || {}).count || 0, nameOf);
        toggleCountyLines();
      });
    }
  }

  function renderLegend(br) {
    const box = $("legend");
    if (!box) return;
    clear(box);
    if (br) {
      box.appendChild(el("strong", {}, "Events per area"));
      const row = el("div", { class: "ramp" });
      let lo = 1;
      br.forEach((hi, i) => {
        if (hi < lo) return;
        row.appendChild(el("span", { class: "step" }, el("i", { style: `background:${RAMP[i]}` }), lo === hi ? String(lo) : `${lo.toLocaleString()}–${hi.toLocaleString()}`));
        lo = hi + 1;
      });
      box.appendChild(row);
      return;
    }
    box.appendChild(el("strong", {}, "People reported"));
    const sizes = el("div", { class: "sizes" });
    for (const n of [100, 1000, 10000]) {
      const r = radiusOf(n);
      const s = svg("svg", { width: 2 * r + 4, height: 2 * r + 4, "aria-hidden": "true" });
      s.appendChild(svg("circle", { cx: r + 2, cy: r + 2, r, fill: "#c0392b", "fill-opacity": 0.55, stroke: "#7f1f1a" }));
      sizes.appendChild(el("span", { class: "size-step" }, s, n.toLocaleString()));
    }
    box.appendChild(sizes);
    const planned = svg("svg", { width: 16, height: 16, "aria-hidden": "true" });
    planned.appendChild(svg("circle", { cx: 8, cy: 8, r: 6, fill: "#f5d0cc", "fill-opacity": 0.35, stroke: "#7f1f1a", "stroke-width": 2, "stroke-dasharray": "3 3" }));
    box.appendChild(el("div", {}, planned, " planned (announced only)"));
    box.appendChild(el("div", {}, el("span", { class: "cluster-key" }, "12"), " several events: click to zoom in or spread them out"));
  }

  /** Fit the map to the events (or to the lower 48 states when there are none). */
  function fitView() {
    if (!map) return;
    moveMap(() => {
      if (points.length > 0) {
        // Frame where the events are: when nearly all lie in the lower 48 states, a few in
        // Alaska, Hawaii or abroad should not shrink the whole country to a corner.
        const lower48 = L.latLngBounds(US_BOUNDS);
        const inside = points.filter((p) => lower48.contains([p[1], p[2]]));
        const framed = inside.length >= 0.9 * points.length ? inside : points;
        const b = L.latLngBounds(framed.map((p) => [p[1], p[2]])).pad(0.3);
        map.fitBounds(framed.length === 1 ? b.pad(8) : b, { maxZoom: 8, animate: false });
      } else {
        map.fitBounds(US_BOUNDS, { animate: false });
      }
    });
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
      const tags = [];
      if (e.announced_only) tags.push(el("span", { class: "tag planned" }, "planned"));
      if (e.valence !== null && e.valence !== undefined && VALENCE_WORDS[e.valence]) tags.push(el("span", { class: "tag" }, VALENCE_WORDS[e.valence]));
      if (e.arrests) tags.push(el("span", { class: "tag" }, plural(e.arrests, "arrest")));
      const btn = el("button", { type: "button", class: "event", "data-event-id": e.id },
        el("span", { class: "when" }, e.date || "date unknown"), " · ",
        el("span", { class: "where" }, place(e)), tags.length ? [" ", tags] : null,
        el("span", { class: "what" }, (e.event_type || []).map(label).join(", ") || "type unknown",
          size ? [" · ", el("span", { class: "size" }, `${size} people`)] : null,
          (e.issues || []).length ? ` · ${(e.issues || []).map(label).join(", ")}` : null,
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
      if (on) m.setStyle({ color: "#102a43", weight: 3, fillColor: "#e67e22" });
      else if (m.options.className.includes("planned")) m.setStyle({ color: "#7f1f1a", weight: 2, fillColor: "#f5d0cc" });
      else m.setStyle({ color: "#7f1f1a", weight: 1, fillColor: "#c0392b" });
      if (on) m.bringToFront();
      const path = m.getElement && m.getElement();
      if (path) path.classList.toggle("selected", on);
    }
    for (const b of document.querySelectorAll("button.event")) {
      if (b.dataset.eventId === currentEventId) b.setAttribute("aria-current", "true");
      else b.removeAttribute("aria-current");
    }
  }

  // ------------------------------------------------------------------ timeline (axes, bins, brushable)
  const DAY = 86400000;
  function iso(t) { return new Date(t).toISOString().slice(0, 10); }
  function binStart(d, bin) {
    if (bin === "month") return d.slice(0, 8) + "01";
    if (bin === "week") { const t = Date.parse(d + "T00:00:00Z"); const wd = (new Date(t).getUTCDay() + 6) % 7; return iso(t - wd * DAY); }
    return d;
  }
  function binEnd(start, bin) {
    const t = Date.parse(start + "T00:00:00Z");
    if (bin === "week") return iso(t + 6 * DAY);
    if (bin === "month") { const dt = new Date(t); return iso(Date.UTC(dt.getUTCFullYear(), dt.getUTCMonth() + 1, 1) - DAY); }
    return start;
  }
  function nextBin(start, bin) {
    const t = Date.parse(start + "T00:00:00Z");
    if (bin === "week") return iso(t + 7 * DAY);
    if (bin === "month") { const dt = new Date(t); return iso(Date.UTC(dt.getUTCFullYear(), dt.getUTCMonth() + 1, 1)); }
    return iso(t + DAY);
  }
  /** Bins from the first to the last dated event: {start, end, happened, planned, people}. */
  function binned(stats, bin) {
    const days = Object.keys(stats.per_day || {}).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
    if (!days.length) return [];
    const by = new Map();
    for (const d of days) {
      const k = binStart(d, bin);
      let b = by.get(k);
      if (!b) by.set(k, (b = { happened: 0, planned: 0, people: 0 }));
      const planned = (stats.planned_per_day || {})[d] || 0;
      b.planned += planned;
      b.happened += stats.per_day[d] - planned;
      b.people += (stats.participants_per_day || {})[d] || 0;
    }
    const first = binStart(days[0], bin), last = binStart(days[days.length - 1], bin);
    const span = (Date.parse(last) - Date.parse(first)) / DAY;
    const out = [];
    if (bin === "day" && span > 1500) {  // very long spans of days: only days with events
      for (const k of [...by.keys()].sort()) out.push({ start: k, end: k, ...by.get(k) });
      return out;
    }
    for (let k = first; k <= last; k = nextBin(k, bin)) out.push({ start: k, end: binEnd(k, bin), ...(by.get(k) || { happened: 0, planned: 0, people: 0 }) });
    return out;
  }
  function niceMax(v) {
    if (v <= 0) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }
  function short(n) { return n >= 1e6 ? `${Math.round(n / 1e5) / 10}M` : n >= 1e4 ? `${Math.round(n / 1e3)}k` : n.toLocaleString(); }

  let lastTimeline = null;
  function renderTimeline(stats, view) {
    lastTimeline = [stats, view];
    const box = $("timeline");
    clear(box);
    const bin = view.bin, people = view.series === "participants";
    $("timeline-heading").textContent = `${people ? "Participants" : "Events"} per ${bin}`;
    for (const b of document.querySelectorAll("[data-bin]")) b.setAttribute("aria-pressed", String(b.dataset.bin === bin));
    for (const b of document.querySelectorAll("[data-series]")) b.setAttribute("aria-pressed", String(b.dataset.series === view.series));
    const bins = binned(stats, bin);
    $("brush-clear").hidden = !view.brush;
    $("brush-label").textContent = view.brush ? `Selected: ${view.brush[0]} to ${view.brush[1]}` : `Drag across the bars (or click one ${bin}) to select dates.`;
    if (bins.length === 0) { box.appendChild(el("p", { class: "empty" }, "No dated events.")); return; }
    const W = Math.max(280, Math.round(box.clientWidth || 600)), H = 150;
    const L0 = 46, R0 = 8, T0 = 8, B0 = 30, pw = W - L0 - R0, ph = H - T0 - B0;
    const val = (b) => (people ? b.people : b.happened + b.planned);
    const top = niceMax(Math.max(...bins.map(val)));
    const bw = pw / bins.length;
    const s = svg("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "group", class: "chart",
      "aria-label": `${people ? "Participants" : "Events"} per ${bin}, ${bins[0].start} to ${bins[bins.length - 1].end}; drag to select a date range` });
    // y axis: ticks, grid lines, labels
    const yAxis = svg("g", { class: "y-axis" });
    for (let i = 0; i <= 4; i++) {
      const v = (top * i) / 4, y = T0 + ph - (ph * i) / 4;
      yAxis.appendChild(svg("line", { x1: L0, x2: W - R0, y1: y, y2: y, class: i ? "grid" : "baseline" }));
      yAxis.appendChild(svg("line", { x1: L0 - 4, x2: L0, y1: y, y2: y, class: "tick" }));
      const t = svg("text", { x: L0 - 6, y: y + 4, "text-anchor": "end", class: "tick-label" });
      t.textContent = short(Math.round(v * 100) / 100);
      yAxis.appendChild(t);
    }
    s.appendChild(yAxis);
    const brushRect = svg("rect", { class: "brush", x: L0, y: T0, width: 0, height: ph });
    s.appendChild(brushRect);
    const inBrush = (b) => view.brush && b.end >= view.brush[0] && b.start <= view.brush[1];
    const select = (a, b) => { const lo = Math.min(a, b), hi = Math.max(a, b); brushTo([bins[lo].start, bins[hi].end]); };
    bins.forEach((b, i) => {
      const v = val(b);
      if (!v) return;
      const x = L0 + i * bw + bw * 0.1, w = Math.max(1, bw * 0.8);
      const range = b.start === b.end ? b.start : `${b.start} to ${b.end}`;
      const what = people ? `${Math.round(b.people).toLocaleString()} participants reported` : `${plural(b.happened, "event")} happened${b.planned ? `, ${b.planned.toLocaleString()} planned` : ""}`;
      const g = svg("g", { class: inBrush(b) ? "bin in" : "bin", tabindex: 0, role: "button", "data-start": b.start, "data-end": b.end,
        "aria-label": `${range}: ${what}; Enter selects this ${bin}, Shift+Enter extends the selection` });
      const hHappened = people ? (ph * b.people) / top : (ph * b.happened) / top;
      const hPlanned = people ? 0 : (ph * b.planned) / top;
      if (hHappened > 0) g.appendChild(svg("rect", { class: "bar", x, y: T0 + ph - hHappened, width: w, height: Math.max(1, hHappened) }));
      if (hPlanned > 0) g.appendChild(svg("rect", { class: "bar planned", x, y: T0 + ph - hHappened - hPlanned, width: w, height: Math.max(1, hPlanned) }));
      const t = svg("title"); t.textContent = `${range}: ${what}`;
      g.appendChild(t);
      g.addEventListener("keydown", (ev) => {
        if (ev.key !== "Enter" && ev.key !== " ") return;
        ev.preventDefault();
        if (ev.shiftKey && view.brush) {
          const lo = bins.findIndex((x2) => x2.end >= view.brush[0]);
          let hi = i; bins.forEach((x2, j) => { if (x2.start <= view.brush[1]) hi = Math.max(hi, j); });
          select(Math.min(lo, i), hi);
        } else select(i, i);
      });
      s.appendChild(g);
    });
    // x axis: several date labels
    const xAxis = svg("g", { class: "x-axis" });
    const nLabels = Math.max(2, Math.min(8, Math.floor(pw / 90)));
    const step = Math.max(1, Math.ceil(bins.length / nLabels));
    for (let i = 0; i < bins.length; i += step) {
      const x = L0 + i * bw + bw / 2;
      xAxis.appendChild(svg("line", { x1: x, x2: x, y1: T0 + ph, y2: T0 + ph + 4, class: "tick" }));
      const t = svg("text", { x, y: T0 + ph + 16, "text-anchor": i === 0 ? "start" : "middle", class: "tick-label date-label" });
      t.textContent = bin === "month" ? bins[i].start.slice(0, 7) : bins[i].start;
      xAxis.appendChild(t);
    }
    s.appendChild(xAxis);
    if (view.brush) {
      const i0 = bins.findIndex((b) => b.end >= view.brush[0]);
      let i1 = -1; bins.forEach((b, i) => { if (b.start <= view.brush[1]) i1 = i; });
      if (i0 >= 0 && i1 >= i0) { brushRect.setAttribute("x", L0 + i0 * bw); brushRect.setAttribute("width", (i1 - i0 + 1) * bw); }
    }
    // Pointer brushing: drag across the bars (a click selects one bin).
    let anchor = null;
    const idxAt = (clientX) => {
      const r = s.getBoundingClientRect();
      return Math.max(0, Math.min(bins.length - 1, Math.floor((clientX - r.left - L0 * r.width / W) / (bw * r.width / W))));
    };
    s.addEventListener("pointerdown", (ev) => {
      if (ev.button !== 0) return;
      anchor = idxAt(ev.clientX);
      try { s.setPointerCapture(ev.pointerId); } catch (e) { /* synthetic pointer */ }
      brushRect.setAttribute("x", L0 + anchor * bw); brushRect.setAttribute("width", bw);
      ev.preventDefault();
    });
    s.addEventListener("pointermove", (ev) => {
      if (anchor === null) return;
      const i = idxAt(ev.clientX), lo = Math.min(anchor, i), hi = Math.max(anchor, i);
      brushRect.setAttribute("x", L0 + lo * bw); brushRect.setAttribute("width", (hi - lo + 1) * bw);
    });
    s.addEventListener("pointerup", (ev) => {
      if (anchor === null) return;
      const i = idxAt(ev.clientX), a = anchor;
      anchor = null;
      select(a, i);
    });
    box.appendChild(s);
    if (!people) {
      box.appendChild(el("p", { class: "timeline-key" }, el("i", { class: "key happened" }), " happened ",
        el("i", { class: "key planned" }, ""), " planned (announced only)"));
    }
  }

  function brushTo(range) {
    changeView({ brush: range, event: null }, false);
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
    const nEvidence = Object.values(evidence).reduce((n, spans) => n + spans.length, 0);
    if (e.origin === "ccc") {
      body.appendChild(el("p", { class: "note" }, nEvidence
        ? `Imported from the Crowd Counting Consortium and matched with ${plural(articles.length, "news report")}: the values quoted below come from the reports; the others were coded by CCC's people (no evidence spans). `
        : "Imported from the Crowd Counting Consortium: its values were coded by people and carry no evidence spans. ",
        el("a", { href: "/about" }, "Credit and citation")));
    }
    // An article is named by its place in the Sources list below (not by its place in the texts).
    const srcNo = new Map((e.sources || []).map((s, i) => [s.article_id, i + 1]));
    const articleNo = (i) => srcNo.get(articles[i] && articles[i].id) || i + 1;

    // Keys of evidence spans: "<article index>:<n>".
    const artIndex = new Map(articles.map((a, i) => [a.id, i]));
    const spansByArticle = articles.map(() => []);
    const spanKeys = {};  // field -> [{key, quote, found}]
    for (const [field, spans] of Object.entries(evidence)) {
      spanKeys[field] = [];
      for (const sp of spans) {
        const ai = artIndex.has(sp.article_id) ? artIndex.get(sp.article_id) : -1;
        const key = ai >= 0 && sp.found ? `${ai}:${spansByArticle[ai].length}` : null;
        if (key) spansByArticle[ai].push({ start: sp.start, end: sp.end, field, key, quote: sp.quote });
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
      const td = el("td", {}, el("span", { class: "value" }, fmtField(name, v)));
      if (evs.length === 0 && name !== "date_precision" && e.origin !== "ccc") td.appendChild(el("span", { class: "noev" }, " (no evidence)"));
      for (const sp of evs) {
        const jump = sp.key
          ? el("button", { type: "button", class: "ev-jump", "data-span": sp.key, "aria-label": `Show the evidence for ${label} in the article: ${sp.quote}` }, "show")
          : null;
        if (jump) jump.addEventListener("click", () => showSpan(sp.key));
        const from = (e.sources || []).length > 1 && sp.key ? ` (source ${articleNo(Number(sp.key.split(":")[0]))})` : "";
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

    // The CCC rows behind the event: file and line, its news sources as links, notes, measures.
    for (const rec of e.ccc || []) {
      const box = el("section", { class: "ccc-record", "aria-label": "Crowd Counting Consortium row" },
        el("h3", {}, "Crowd Counting Consortium row"),
        el("p", { class: "meta" }, `${rec.file} line ${rec.line}${rec.snapshot ? ` (as of ${rec.snapshot})` : ""}`));
      if (rec.sources.length) {
        const list = el("ol", { class: "ccc-sources" });
        for (const u of rec.sources) {
          const href = safeUrl(u);
          list.appendChild(el("li", {}, href ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, u) : u));
        }
        box.appendChild(el("h4", {}, `CCC's news sources (${rec.sources.length})`));
        box.appendChild(list);
      }
      for (const [k, label] of [["notes", "Notes"], ["participant_measures", "Participant measures"], ["police_measures", "Police measures"]]) {
        if (rec[k]) box.appendChild(el("p", {}, el("strong", {}, `${label}: `), rec[k]));
      }
      box.appendChild(el("p", { class: "credit" }, e.credit || ""));
      body.appendChild(box);
    }
    body.appendChild(el("p", { class: "codebook-link" }, el("a", { href: "/codebook" }, "What the fields and codes mean (codebook)")));

    // Article texts with the evidence highlighted.
    articles.forEach((a, i) => {
      const box = el("section", { class: "article", "aria-label": `Article ${i + 1}` },
        el("h4", {}, `${(e.sources || []).length > 1 ? `Source ${articleNo(i)}: ` : ""}${a.title || "untitled"}`),
        el("p", { class: "meta" }, [a.outlet, a.published, a.language].filter(Boolean).join(" · ")));
      if (typeof a.text === "string") {
        box.appendChild(highlighted(a.text, spansByArticle[i]));
      } else {
        // The server keeps whole texts for token holders (docs/privacy.md): show the evidence quotes.
        const ex = excerpts(spansByArticle[i]);
        box.appendChild(el("p", { class: "note" }, "Evidence excerpts (the whole text is shown to token holders)."));
        box.appendChild(highlighted(ex.text, ex.spans));
      }
      body.appendChild(box);
    });
    renderReview(e, articles);
  }

  /** The evidence quotes of one article as a text of their own: overlapping spans joined into one
   *  excerpt (rebuilt from their quotes), excerpts in text order separated by " … ", spans re-based. */
  function excerpts(spans) {
    const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
    const groups = [];
    for (const sp of sorted) {
      const g = groups[groups.length - 1];
      if (g && sp.start < g.end) { g.spans.push(sp); g.end = Math.max(g.end, sp.end); } else groups.push({ start: sp.start, end: sp.end, spans: [sp] });
    }
    let text = "";
    const out = [];
    for (const g of groups) {
      if (text) text += " … ";
      const chars = new Array(g.end - g.start).fill(" ");
      for (const sp of g.spans) for (let j = 0; j < sp.quote.length && sp.start - g.start + j < chars.length; j++) chars[sp.start - g.start + j] = sp.quote[j];
      const base = text.length;
      text += chars.join("");
      for (const sp of g.spans) out.push({ ...sp, start: base + sp.start - g.start, end: base + sp.end - g.start });
    }
    return { text, spans: out };
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
  function addCampaignOptions(list) {
    const sel = $("f-campaign");
    for (const c of list) {
      if ([...sel.options].some((o) => o.value === c.id)) continue;
      sel.appendChild(el("option", { value: c.id }, `${c.name} (${c.n_events}, ${c.first_date || "?"})`));
    }
  }
  async function loadCampaigns() {
    if (campaignsLoaded) return;
    campaignsLoaded = true;
    try {
      const res = await getJson("/api/campaigns?limit=200");
      addCampaignOptions(res.campaigns);
      const sel = $("f-campaign");
      $("f-campaign-field").hidden = res.total === 0 && !sel.value;
      $("f-campaign-q").placeholder = res.total > res.count ? `search all ${res.total.toLocaleString()} campaigns` : "part of its name";
    } catch (e) { /* campaigns are optional */ }
  }
  let campaignTimer = null;
  function searchCampaigns() {
    clearTimeout(campaignTimer);
    campaignTimer = setTimeout(async () => {
      const q = $("f-campaign-q").value.trim();
      if (!q) return;
      try {
        const res = await getJson(`/api/campaigns?${new URLSearchParams({ q, limit: 50 })}`);
        const sel = $("f-campaign");
        const keep = sel.value;
        while (sel.options.length > 1) sel.remove(1);
        addCampaignOptions(res.campaigns);
        sel.value = keep && [...sel.options].some((o) => o.value === keep) ? keep : "";
        $("f-campaign-q").setAttribute("data-found", String(res.total));
      } catch (e) { /* keep the list */ }
    }, 250);
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
      const sel = $("f-state");
      for (const k of Object.keys(st.per_state).sort((a, b) => (STATE_NAME.get(a) || a).localeCompare(STATE_NAME.get(b) || b))) {
        if (k === "unknown" || [...sel.options].some((o) => o.value === k)) continue;
        sel.appendChild(el("option", { value: k }, STATE_NAME.has(k) ? `${STATE_NAME.get(k)} (${k})` : k));
      }
      for (const [k, per] of [["type", st.per_type], ["issue", st.per_issue]]) {
        for (const v of Object.keys(per).sort()) if (v !== "unknown") addMultiOption(k, v.toLowerCase(), `${label(v)} (${per[v].toLocaleString()})`);
        syncMulti(k, $(`f-${k}`).value);
      }
      const val = $("f-valence");
      for (const [code, words] of Object.entries(VALENCE_WORDS)) val.appendChild(el("option", { value: code }, label(words)));
      const dl = $("orgs");
      for (const k of Object.keys(st.per_organization || {})) dl.appendChild(el("option", { value: k }));
    } catch (e) { /* the filters still work as free values from the URL */ }
  }

  let loadSeq = 0;
  async function load() {
    const view = viewFromUrl(), f = view.filters, brush = view.brush;
    fillForm(f);
    $("sort").value = `${view.sort}:${view.sort === "relevance" ? "asc" : view.order}`;
    const seq = ++loadSeq;
    setStatus("Loading…");
    $("map").removeAttribute("data-render-ms");
    let list, stats, full, pts;
    const sort = view.sort === "relevance" && !f.q ? "date" : view.sort;
    try {
      const calls = [
        getJson(`/api/events?${query(f, brush, { limit: PAGE, sort, order: sort === "relevance" ? null : view.order })}`),
        getJson(`/api/stats?${query(f, brush, { counties: view.shade === "county" ? "true" : null })}`),
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
    lastStats = stats;
    points = pts.points;
    nextCursor = list.next;
    setStatus(`${plural(stats.events, "event")}` +
      (stats.planned ? ` (${stats.happened.toLocaleString()} happened, ${stats.planned.toLocaleString()} planned)` : "") +
      (brush ? ` between ${brush[0]} and ${brush[1]}` : "") +
      `; ${stats.located.toLocaleString()} on the map` +
      (stats.size.size_low_sum ? `; at least ${stats.size.size_low_sum.toLocaleString()} participants reported` : "") + ".");
    $("status").setAttribute("data-count", String(stats.events));
    $("status").setAttribute("data-planned", String(stats.planned));
    renderList(list.events, false);
    shown = list.events.length;
    $("list-count").textContent = list.total > shown ? `Showing ${shown.toLocaleString()} of ${list.total.toLocaleString()}` : plural(list.total, "event");
    $("more").hidden = !nextCursor;
    spreadLayer && spreadLayer.clearLayers();
    const t0 = performance.now();
    if (!mapFromUrlDone && view.map && map) {
      moveMap(() => map.setView([view.map.lat, view.map.lon], view.map.z, { animate: false }));
      fitted = true;
    } else if (!fitted || !view.event) { fitView(); fitted = true; }
    mapFromUrlDone = true;
    drawPoints();
    drawShade();
    drawLabels();
    toggleCountyLines();
    $("map").setAttribute("data-points", String(points.length));
    $("map").setAttribute("data-render-ms", String(Math.round(performance.now() - t0)));
    $("map").setAttribute("data-render-done", String(Math.round(performance.now())));
    renderLegendIfMarkers(view);
    renderTimeline(full, view);
    $("export-geojson").setAttribute("href", `/api/events?${query(f, brush, { format: "geojson" })}`);
    $("export-csv").setAttribute("href", `/api/events?${query(f, brush, { format: "csv" })}`);
    renderCampaign(f.campaign);
    if (view.event && view.event !== currentEventId) openEvent(view.event, false);
    else if (!view.event && currentEventId) closeDetail(false);
    setTimeout(loadCampaigns, 50);
  }
  function renderLegendIfMarkers(view) { if (!view.shade) renderLegend(null); }
  let shown = 0;

  async function loadMore() {
    if (!nextCursor) return;
    const view = viewFromUrl();
    const sort = view.sort === "relevance" && !view.filters.q ? "date" : view.sort;
    const res = await getJson(`/api/events?${query(view.filters, view.brush, { limit: PAGE, after: nextCursor, sort, order: sort === "relevance" ? null : view.order })}`);
    nextCursor = res.next;
    renderList(res.events, true);
    shown += res.events.length;
    $("list-count").textContent = res.total > shown ? `Showing ${shown.toLocaleString()} of ${res.total.toLocaleString()}` : plural(res.total, "event");
    $("more").hidden = !nextCursor;
  }

  function apply(push) {
    const v = viewFromUrl();
    v.filters = filtersFromForm();
    v.event = null;
    if (v.sort === "relevance" && !v.filters.q) v.sort = "date";
    if (v.filters.q && v.sort === "date" && v.order === "asc" && !viewFromUrl().filters.q) v.sort = "relevance";
    pushUrl(v, !push);
    return load();
  }

  // ------------------------------------------------------------------ wiring
  document.addEventListener("DOMContentLoaded", () => {
    if (window.matchMedia && window.matchMedia("(max-width: 700px)").matches) $("filters-box").open = false;
    initMap();
    const form = $("filters");
    form.addEventListener("submit", (ev) => { ev.preventDefault(); apply(true); });
    for (const name of ["state", "status", "since", "until", "campaign", "valence", "arrests", "injuries", "property_damage"]) {
      form.elements[name].addEventListener("change", () => apply(true));
    }
    $("f-campaign-q").addEventListener("input", searchCampaigns);
    $("f-reset").addEventListener("click", () => { fillForm({}); pushUrl({ filters: {}, brush: null, event: null }, false); load(); });
    $("sort").addEventListener("change", () => {
      const [sort, order] = $("sort").value.split(":");
      changeView({ sort, order, event: null }, false);
      load();
    });
    for (const b of document.querySelectorAll("[data-bin]")) b.addEventListener("click", () => { changeView({ bin: b.dataset.bin }, false); if (lastTimeline) renderTimeline(lastTimeline[0], viewFromUrl()); });
    for (const b of document.querySelectorAll("[data-series]")) b.addEventListener("click", () => { changeView({ series: b.dataset.series }, false); if (lastTimeline) renderTimeline(lastTimeline[0], viewFromUrl()); });
    if (window.ResizeObserver) {
      let w = 0;
      new ResizeObserver(() => {
        const nw = $("timeline").clientWidth;
        if (lastTimeline && Math.abs(nw - w) > 8) { w = nw; renderTimeline(lastTimeline[0], viewFromUrl()); }
      }).observe($("timeline"));
    }
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
