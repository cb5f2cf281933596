// Converts Natural Earth's country outlines (npm world-atlas 2.0.2, 1:110m; small states taken from 1:50m as dots)
// into data/geo/countries.json: one SVG path per ISO 3166-1 alpha-2 code of data/countries.csv, projected (Equal
// Earth), simplified and quantized to whole units of a 1000-wide picture, so the server only copies strings.
//   cd tools/geo && npm ci && node build-countries.mjs
// Natural Earth data is in the public domain; world-atlas (the TopoJSON packaging) is ISC, Michael Bostock;
// iso-3166-1 (numeric → alpha-2 codes) is MIT.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";

const require = createRequire(import.meta.url);
const iso = require("iso-3166-1");
const root = new URL("../../", import.meta.url);
const atlas110 = require("world-atlas/countries-110m.json");
const atlas50 = require("world-atlas/countries-50m.json");

// Outlines Natural Earth draws without an ISO numeric id: the code data/countries.csv uses for the same ground.
const Unnumbered = { "Kosovo": "XK", "Somaliland": "SO", "N. Cyprus": "CY" };

const wanted = new Set(readFileSync(new URL("data/countries.csv", root), "utf8").trim().split("\n").slice(1).map(l => l.split(",")[0]));

// Equal Earth projection (Šavrič, Patterson, Jenny 2018), longitudes and latitudes in degrees.
const A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796, M = Math.sqrt(3) / 2;
function project([lon, lat]) {
  const l = lon * Math.PI / 180, p = lat * Math.PI / 180;
  const t = Math.asin(M * Math.sin(p)), t2 = t * t, t6 = t2 * t2 * t2;
  const x = l * Math.cos(t) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
  const y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
  return [x, y];
}
const xMax = project([180, 0])[0], yTop = project([0, 84])[1], yBottom = project([0, -57])[1];
const Width = 1000, scale = Width / (2 * xMax), Height = Math.round((yTop - yBottom) * scale);
const toPicture = ([lon, lat]) => { const [x, y] = project([lon, lat]); return [(x + xMax) * scale, (yTop - y) * scale]; };

// Douglas–Peucker on one ring, tolerance in picture units.
function simplify(points, tolerance) {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length); keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    let worst = -1, at = -1;
    const [ax, ay] = points[a], [bx, by] = points[b], dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy) || 1;
    for (let i = a + 1; i < b; i++) {
      const d = Math.abs(dy * (points[i][0] - ax) - dx * (points[i][1] - ay)) / len;
      if (d > worst) { worst = d; at = i; }
    }
    if (worst > tolerance) { keep[at] = 1; stack.push([a, at], [at, b]); }
  }
  return points.filter((_, i) => keep[i]);
}

// A ring as a relative SVG path ("M x y l dx dy … z"), in tenths of a picture unit rounded to whole units of 0.5.
// A ring that crosses the antimeridian (Russia's Chukotka, Fiji) jumps from +180 to -180: its western part is moved
// east of +180 and flattened onto the edge, so it does not draw a band across the whole picture.
function unwrap(ring) {
  if (!ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180)) return ring;
  return ring.map(([lon, lat]) => [Math.min(lon < 0 ? lon + 360 : lon, 180), lat]);
}

function ringPath(ring) {
  const all = unwrap(ring).map(toPicture);
  // A closed ring starts and ends on one point: simplified as two halves split at the point farthest from its start.
  let far = 0;
  for (let i = 1; i < all.length; i++) if (Math.hypot(all[i][0] - all[0][0], all[i][1] - all[0][1]) > Math.hypot(all[far][0] - all[0][0], all[far][1] - all[0][1])) far = i;
  const pts = [...simplify(all.slice(0, far + 1), 0.35), ...simplify(all.slice(far), 0.35).slice(1)].map(([x, y]) => [Math.round(x * 2), Math.round(y * 2)]);
  const out = []; let [px, py] = pts[0], moves = 0;
  for (let i = 1; i < pts.length; i++) {
    const [x, y] = pts[i];
    if (x === px && y === py) continue;
    out.push(`${x - px} ${y - py}`); [px, py] = [x, y]; moves++;
  }
  if (moves < 2) return "";
  return `M${pts[0][0]} ${pts[0][1]}l${out.join(" ").replace(/ -/g, "-")}z`;
}

function polygons(geometry) {
  if (!geometry) return [];
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
}

const codeOf = f => f.id ? iso.whereNumeric(f.id)?.alpha2 : Unnumbered[f.properties.name];

const shapes = {};
for (const f of feature(atlas110, atlas110.objects.countries).features) {
  const code = codeOf(f);
  if (!code || !wanted.has(code)) continue;
  const d = polygons(f.geometry).map(poly => ringPath(poly[0])).filter(p => p.length > 0).join("");
  if (d) shapes[code] = (shapes[code] ?? "") + d;
}

// States too small for 1:110m: a dot at the centre of their largest 1:50m outline.
const dots = {};
for (const f of feature(atlas50, atlas50.objects.countries).features) {
  const code = codeOf(f);
  if (!code || !wanted.has(code) || shapes[code] || dots[code]) continue;
  const ring = polygons(f.geometry).map(p => p[0]).sort((a, b) => b.length - a.length)[0];
  if (!ring) continue;
  const pts = ring.map(toPicture);
  const cx = pts.reduce((s, p) => s + p[0], 0) / pts.length, cy = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  dots[code] = [Math.round(cx * 2), Math.round(cy * 2)];
}

const missing = [...wanted].filter(c => !shapes[c] && !dots[c]);
const out = {
  about: "Country outlines for the coverage map: Natural Earth 1:110m (small states as dots from 1:50m), public domain, via npm world-atlas 2.0.2 (ISC); Equal Earth projection; coordinates in half units of a picture "
    + `${Width}×${Height}. Made by tools/geo/build-countries.mjs: do not edit by hand.`,
  width: Width * 2, height: Height * 2,
  shapes: Object.fromEntries(Object.entries(shapes).sort()),
  dots: Object.fromEntries(Object.entries(dots).sort()),
};
mkdirSync(new URL("data/geo/", root), { recursive: true });
writeFileSync(new URL("data/geo/countries.json", root), JSON.stringify(out, null, 0).replace(/,"/g, ',\n"') + "\n");
console.log(`${Object.keys(shapes).length} outlines, ${Object.keys(dots).length} dots, not drawn: ${missing.join(" ") || "none"}`);
