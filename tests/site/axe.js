// axe-core (rule sets wcag2a, wcag2aa, wcag21a, wcag21aa) on pages of a
// built archive, in Debian's Chromium driven by puppeteer-core over the
// DevTools protocol (no browser is ever downloaded).
//
//     node axe.js MODULES SITE PAGE...
//
// MODULES is the node_modules folder holding puppeteer-core and
// axe-core (build/axe/node_modules, 'make test-deps'); each PAGE is a
// path under SITE, optionally with a ?query.  Every page is checked in
// five modes: light and dark colour schemes, on screen and in print,
// and light on a 360-pixel-wide screen.
// Prints one line per violation node ("VIOLATION page [mode] rule:
// selector: summary") and a last line "checked N pages x M modes: V
// violations"; exits 1 when there is any violation, 2 on a failure to
// run.
"use strict";
const path = require("path");
const fs = require("fs");

const [mods, site, ...pages] = process.argv.slice(2);
if (!mods || !site || pages.length === 0) {
	console.error("usage: node axe.js MODULES SITE PAGE...");
	process.exit(2);
}
const puppeteer = require(path.join(mods, "puppeteer-core"));
const axeSource = fs.readFileSync(path.join(mods, "axe-core", "axe.min.js"),
    "utf8");
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const modes = [
	{ name: "light", scheme: "light", media: "screen" },
	{ name: "dark", scheme: "dark", media: "screen" },
	{ name: "print-light", scheme: "light", media: "print" },
	{ name: "print-dark", scheme: "dark", media: "print" },
	// A phone: charts and tables scroll in their own boxes.
	{ name: "narrow", scheme: "light", media: "screen", width: 360 },
];

// WCAG 1.4.11, which axe does not check: in each chart, every series
// colour at 3:1 or more against the page background and against the
// series drawn next to it (legend order).  Runs in the page.
function nonTextContrast() {
	function lum(c) {
		const m = /rgba?\((\d+), (\d+), (\d+)/.exec(c);
		if (!m)
			return null;
		const f = (v) => (v /= 255) <= 0.04045 ? v / 12.92 :
		    Math.pow((v + 0.055) / 1.055, 2.4);
		return 0.2126 * f(+m[1]) + 0.7152 * f(+m[2]) +
		    0.0722 * f(+m[3]);
	}
	function ratio(a, b) {
		return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	}
	const out = [];
	const bg = lum(getComputedStyle(document.body).backgroundColor);
	for (const svg of document.querySelectorAll("svg.chart-svg")) {
		const seen = new Map();
		for (const r of svg.querySelectorAll(
		    ".legend rect, .bars rect"))
			if (!seen.has(r.getAttribute("class")))
				seen.set(r.getAttribute("class"),
				    getComputedStyle(r).fill);
		const cls = [...seen.keys()];
		const id = "#" + svg.closest("figure").id + " svg";
		const bad = (what, k) => out.push({ id: "non-text-contrast",
		    help: what, nodes: [{ target: [id + " rect." + k],
		    failureSummary: what }] });
		for (let i = 0; i < cls.length; i++) {
			const l = lum(seen.get(cls[i]));
			if (l === null || bg === null) {
				bad("no colour for " + cls[i], cls[i]);
				continue;
			}
			const rb = ratio(l, bg);
			if (rb < 3)
				bad(seen.get(cls[i]) + " is " + rb.toFixed(2) +
				    ":1 against the background", cls[i]);
			if (i + 1 < cls.length) {
				const rn = ratio(l, lum(seen.get(cls[i + 1])));
				if (rn < 3)
					bad(seen.get(cls[i]) + " is " +
					    rn.toFixed(2) + ":1 against " +
					    cls[i + 1], cls[i]);
			}
		}
	}
	return out;
}

async function main() {
	const browser = await puppeteer.launch({
		executablePath: chromium,
		headless: true,
		userDataDir: process.env.AXE_PROFILE || undefined,
		args: ["--headless", "--no-sandbox", "--disable-gpu",
		    "--disable-background-networking",
		    "--disable-component-update", "--disable-sync",
		    "--no-first-run", "--disable-quic"],
	});
	let nviol = 0;
	try {
		const page = await browser.newPage();
		await page.setViewport({ width: 1280, height: 900 });
		// One call for the media type and the scheme: puppeteer's
		// emulateMediaType and emulateMediaFeatures each reset
		// the other.
		const cdp = await page.createCDPSession();
		for (const p of pages) {
			const url = "file://" + path.resolve(site) + "/" + p;
			// One load per page: the emulated media apply to
			// the page as it is.
			await page.goto(url, { waitUntil: "load" });
			// CSP allows only 'self' scripts: inject through
			// the protocol, not a <script>.
			await page.evaluate(axeSource);
			for (const m of modes) {
				await page.setViewport({ width: m.width || 1280,
				    height: 900 });
				await cdp.send("Emulation.setEmulatedMedia", {
					media: m.media, features: [{
					name: "prefers-color-scheme",
					value: m.scheme }] });
				const r = await page.evaluate(() =>
				    window.axe.run(document, {
					runOnly: { type: "tag", values: [
					    "wcag2a", "wcag2aa", "wcag21a",
					    "wcag21aa"] },
					resultTypes: ["violations"],
				    }));
				for (const v of await page.evaluate(
				    nonTextContrast))
					r.violations.push(v);
				for (const v of r.violations)
					for (const n of v.nodes) {
						nviol++;
						const msg = (n.failureSummary ||
						    v.help).replace(/\s+/g,
						    " ").slice(0, 300);
						console.log("VIOLATION " + p +
						    " [" + m.name + "] " +
						    v.id + ": " +
						    n.target.join(" ") + ": " +
						    msg);
					}
				if (r.incomplete && process.env.AXE_VERBOSE)
					for (const v of r.incomplete)
						console.log("incomplete " + p +
						    " [" + m.name + "] " +
						    v.id + " " +
						    v.nodes.length);
			}
		}
	} finally {
		await browser.close();
	}
	console.log("checked " + pages.length + " pages x " + modes.length +
	    " modes: " + nviol + " violations");
	return nviol ? 1 : 0;
}

main().then((rc) => process.exit(rc), (e) => {
	console.error("axe.js: " + (e && e.stack || e));
	process.exit(2);
});
