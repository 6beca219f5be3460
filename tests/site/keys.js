// The archive with the keyboard alone, in Debian's Chromium driven by
// puppeteer-core (see axe.js):
//
//     node keys.js MODULES SITE [WORD]
//
// 1. trends.html: Tab from the top of the page until focus comes back
//    round; the first stop is the skip link, shown on screen, and Enter
//    on it moves on to the main content; every link, control and
//    focusable region of the page is reached, every table is reached
//    (its scrolling region or a link in it), and each stop shows a
//    focus outline.
// 2. trends.html: chart labels are not drawn smaller than body text.
// 3. index.html: the filter box is reached with Tab and typing WORD
//    (default "postgres") in it hides the rows that do not match.
// 4. search.html: the search box is reached with Tab, typing shows
//    results and a count in an aria-live region, and Enter submits.
// Prints "ok - ..." / "not ok - ..." lines; exits 1 on any failure.
"use strict";
const path = require("path");

const [mods, site, word = "postgres"] = process.argv.slice(2);
if (!mods || !site) {
	console.error("usage: node keys.js MODULES SITE");
	process.exit(2);
}
const puppeteer = require(path.join(mods, "puppeteer-core"));
const root = "file://" + path.resolve(site) + "/";
let failed = 0;

function check(name, cond, detail) {
	console.log((cond ? "ok - " : "not ok - ") + name);
	if (!cond) {
		failed++;
		if (detail)
			console.log("# " + String(detail).replace(/\n/g, "\n# "));
	}
}

// The focused element: a stable key, what it is, whether its focus is
// visible (an outline or a box shadow) and on screen.
function focused() {
	const e = document.activeElement;
	if (!e || e === document.body)
		return null;
	if (!e.dataset.k)
		e.dataset.k = "k" + (window.__k = (window.__k || 0) + 1);
	const cs = getComputedStyle(e);
	const r = e.getBoundingClientRect();
	return {
		key: e.dataset.k,
		desc: e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
		    (e.className && typeof e.className === "string" ?
		    "." + e.className.split(" ")[0] : "") + " " +
		    (e.getAttribute("href") || e.getAttribute("aria-labelledby")
		    || "").slice(0, 60),
		visible: (cs.outlineStyle !== "none" &&
		    parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== "none",
		onscreen: r.width > 0 && r.height > 0 && r.bottom > 0 &&
		    r.right > 0 && r.top < innerHeight && r.left < innerWidth,
	};
}

async function tabAll(page, max) {
	const stops = [];
	const seen = new Set();
	for (let i = 0; i < max; i++) {
		await page.keyboard.press("Tab");
		const f = await page.evaluate(focused);
		if (f === null || seen.has(f.key))
			break;
		seen.add(f.key);
		stops.push(f);
	}
	return stops;
}

async function trends(page) {
	await page.goto(root + "trends.html", { waitUntil: "load" });
	const want = await page.evaluate(() => {
		const sel = "a[href], input, select, textarea, button, " +
		    "[tabindex]:not([tabindex='-1'])";
		const v = [];
		for (const e of document.querySelectorAll(sel)) {
			if (e.closest("[hidden]") || e.disabled)
				continue;
			e.dataset.k = "w" + v.length;
			v.push(e.dataset.k);
		}
		let t = 0;
		for (const tb of document.querySelectorAll("table"))
			tb.dataset.t = "t" + t++;
		return { keys: v, tables: t };
	});
	const stops = await tabAll(page, want.keys.length + 20);
	check("keys: trends has links, charts and tables to reach",
	    want.keys.length > 20 && want.tables >= 5,
	    want.keys.length + " focusable, " + want.tables + " tables");
	check("keys: the first Tab stop is the skip link, on screen",
	    stops.length > 0 && /skip/.test(stops[0].desc) &&
	    stops[0].onscreen, stops.length ? stops[0].desc : "no stop");
	const got = new Set(stops.map((s) => s.key));
	const missed = want.keys.filter((k) => !got.has(k));
	const names = await page.evaluate((ks) => ks.map((k) => {
		const e = document.querySelector("[data-k='" + k + "']");
		return e.outerHTML.slice(0, 100);
	}), missed);
	check("keys: Tab reaches all " + want.keys.length +
	    " links, controls and regions of trends.html", missed.length === 0,
	    names.join("\n"));
	const unseen = stops.filter((s) => !s.visible).map((s) => s.desc);
	check("keys: every Tab stop shows its focus", unseen.length === 0,
	    unseen.join("\n"));
	const tables = await page.evaluate((ks) => {
		const reached = new Set(ks);
		const miss = [];
		for (const tb of document.querySelectorAll("table")) {
			let ok = false;
			for (let e = tb; e && !ok; e = e.parentElement)
				ok = reached.has(e.dataset.k);
			for (const a of tb.querySelectorAll("[data-k]"))
				ok = ok || reached.has(a.dataset.k);
			if (!ok)
				miss.push(tb.className + " " +
				    (tb.caption ? tb.caption.textContent : ""));
		}
		return miss;
	}, [...got]);
	check("keys: every table of trends.html is reached", tables.length ===
	    0, tables.join("\n"));
	// The skip link: Enter on it, then Tab lands inside <main>.
	await page.goto(root + "trends.html", { waitUntil: "load" });
	await page.keyboard.press("Tab");
	await page.keyboard.press("Enter");
	await page.keyboard.press("Tab");
	const inMain = await page.evaluate(() =>
	    document.activeElement.closest("main") !== null);
	check("keys: Enter on the skip link moves on to the main content",
	    inMain);
}

// Chart text as rendered (font size times the SVG's scale) is never
// smaller than the body text.
async function labels(page) {
	await page.goto(root + "trends.html", { waitUntil: "load" });
	const r = await page.evaluate(() => {
		const body = parseFloat(getComputedStyle(document.body).fontSize);
		let min = Infinity, n = 0;
		for (const svg of document.querySelectorAll("svg.chart-svg")) {
			const scale = svg.getBoundingClientRect().width /
			    svg.viewBox.baseVal.width;
			for (const t of svg.querySelectorAll("text")) {
				n++;
				min = Math.min(min, scale * parseFloat(
				    getComputedStyle(t).fontSize));
			}
		}
		return { body, min, n };
	});
	check("keys: chart labels are drawn at the body text size or larger",
	    r.n > 0 && r.min >= r.body - 0.01, JSON.stringify(r));
}

async function tabTo(page, id, max) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press("Tab");
		if (await page.evaluate(() => document.activeElement.id) === id)
			return true;
	}
	return false;
}

async function filter(page) {
	await page.goto(root + "index.html", { waitUntil: "load" });
	check("keys: index filter box reached with Tab",
	    await tabTo(page, "filter", 200));
	const before = await page.evaluate(() => document.querySelectorAll(
	    "table.reports tbody tr:not([hidden])").length);
	await page.keyboard.type(word);
	const r = await page.evaluate((w) => {
		const shown = [...document.querySelectorAll(
		    "table.reports tbody tr:not([hidden])")];
		const said = document.getElementById("filter-n");
		return { n: shown.length, all: shown.every((tr) =>
		    tr.textContent.toLowerCase().includes(w)),
		    said: said && said.closest("[aria-live]") ?
		    said.textContent : "" };
	}, word);
	check("keys: typing in the filter box filters the rows",
	    r.n > 0 && r.n < before && r.all, before + " -> " + r.n);
	check("keys: the filter box announces how many rows are left",
	    r.said === r.n + " of " + before + " shown", r.said);
}

async function search(page) {
	await page.goto(root + "search.html", { waitUntil: "load" });
	check("keys: search box reached with Tab", await tabTo(page, "q", 40));
	await page.keyboard.type(word);
	const r = await page.evaluate(() => {
		const st = document.getElementById("status");
		return { live: st && st.getAttribute("aria-live"),
		    text: st ? st.textContent : "",
		    n: document.querySelectorAll("#results li").length };
	});
	check("keys: typing shows results, counted in an aria-live region",
	    r.n > 0 && /^polite|assertive$/.test(r.live || "") &&
	    /\d+ report/.test(r.text), JSON.stringify(r));
	await Promise.all([page.waitForNavigation({ waitUntil: "load" }),
	    page.keyboard.press("Enter")]);
	const after = await page.evaluate(() => ({ url: location.search,
	    n: document.querySelectorAll("#results li").length }));
	check("keys: Enter in the search box submits it",
	    after.url.includes("q=" + word) && after.n > 0,
	    JSON.stringify(after));
}

async function main() {
	const browser = await puppeteer.launch({
		executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
		headless: true,
		args: ["--headless", "--no-sandbox", "--disable-gpu",
		    "--disable-background-networking",
		    "--disable-component-update", "--disable-sync",
		    "--no-first-run", "--disable-quic"],
	});
	try {
		const page = await browser.newPage();
		await page.setViewport({ width: 1280, height: 900 });
		await trends(page);
		await labels(page);
		await filter(page);
		await search(page);
	} finally {
		await browser.close();
	}
	return failed ? 1 : 0;
}

main().then((rc) => process.exit(rc), (e) => {
	console.log("not ok - keys: " + String(e && e.stack || e).split(
	    "\n")[0]);
	process.exit(2);
});
