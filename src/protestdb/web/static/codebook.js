// Renders /api/codebook as tables (text only: values are inserted as text nodes).
(function () {
  "use strict";
  function el(tag, text) { const e = document.createElement(tag); if (text !== undefined) e.textContent = String(text); return e; }
  function table(caption, head, rows) {
    const t = el("table"); t.className = "codebook";
    t.appendChild(el("caption", caption));
    const tr = el("tr"); for (const h of head) tr.appendChild(el("th", h));
    const thead = el("thead"); thead.appendChild(tr); t.appendChild(thead);
    const tbody = el("tbody");
    for (const r of rows) { const row = el("tr"); r.forEach((c, i) => row.appendChild(el(i === 0 ? "th" : "td", c))); tbody.appendChild(row); }
    t.appendChild(tbody);
    return t;
  }
  fetch("/api/codebook", { headers: { Accept: "application/json" } })
    .then((r) => { if (!r.ok) throw new Error(`HTTP ${r.status}`); return r.json(); })
    .then((cb) => {
      const box = document.getElementById("codebook");
      box.textContent = "";
      box.appendChild(table("Fields", ["field", "meaning"], cb.fields));
      box.appendChild(table("Size categories (size_cat)", ["code", "meaning"], cb.size_cat));
      box.appendChild(table("Valence", ["code", "meaning"], cb.valence));
      box.appendChild(table("Date precision", ["code", "meaning"], cb.date_precision));
      box.appendChild(table("Place precision (geo_precision)", ["code", "meaning"], cb.geo_precision));
      box.appendChild(table("Crowd-size words (CCC mapping)", ["words", "number"], cb.size_words));
    })
    .catch((err) => { document.getElementById("codebook").textContent = `Could not load the codebook (${err.message}).`; });
})();
