/* postmortem default theme: progressive enhancement, no framework.
 * 1. List pages: the hidden filter box is shown and filters the rows,
 *    saying how many are left in an aria-live region.
 * 2. search.html: searches window.PM_SEARCH (search-data.js, works from
 *    file://) or search.json (over HTTP), building results with DOM
 *    calls only (never innerHTML). */
(function () {
	"use strict";
	var box = document.getElementById("filter");
	if (box) {
		var rows = document.querySelectorAll("table.reports tbody tr");
		box.parentNode.hidden = false;
		var count = document.getElementById("filter-n");
		box.addEventListener("input", function () {
			var q = box.value.toLowerCase(), n = 0;
			for (var i = 0; i < rows.length; i++) {
				rows[i].hidden = q !== "" &&
				    rows[i].textContent.toLowerCase().indexOf(q) < 0;
				n += rows[i].hidden ? 0 : 1;
			}
			/* Announced (aria-live): how many rows are left. */
			if (count)
				count.textContent = q === "" ? "" :
				    n + " of " + rows.length + " shown";
		});
	}
	var input = document.getElementById("q");
	var out = document.getElementById("results");
	var status = document.getElementById("status");
	if (!input || !out)
		return;
	function text(e) {
		return [e.id, e.t, e.s, e.d || ""].concat(e.v, e.g, e.a)
		    .join(" ").toLowerCase();
	}
	function run(data) {
		function show() {
			var words = input.value.toLowerCase().split(/\s+/)
			    .filter(Boolean);
			while (out.firstChild)
				out.removeChild(out.firstChild);
			var n = 0;
			for (var i = 0; i < data.length && words.length; i++) {
				var hay = data[i]._t || (data[i]._t = text(data[i]));
				if (!words.every(function (w) { return hay.indexOf(w) >= 0; }))
					continue;
				if (++n > 200)
					continue;
				var li = document.createElement("li");
				var sev = document.createElement("span");
				sev.className = "sev sev-" + data[i].s;
				sev.textContent = data[i].s;
				var a = document.createElement("a");
				a.href = data[i].u;
				a.textContent = data[i].t;
				var d = document.createElement("span");
				d.className = "date";
				d.textContent = " " + (data[i].d || "");
				li.appendChild(sev);
				li.appendChild(document.createTextNode(" "));
				li.appendChild(a);
				li.appendChild(d);
				out.appendChild(li);
			}
			status.textContent = words.length ?
			    n + (n === 1 ? " report" : " reports") +
			    (n > 200 ? " (first 200 shown)" : "") : "";
		}
		input.addEventListener("input", show);
		var m = /[?&]q=([^&]*)/.exec(window.location.search);
		if (m)
			input.value = decodeURIComponent(m[1].replace(/\+/g, " "));
		show();
	}
	if (window.PM_SEARCH)
		run(window.PM_SEARCH);
	else if (window.fetch)
		fetch("search.json").then(function (r) { return r.json(); })
		    .then(run, function () {
			status.textContent = "The search index could not be loaded.";
		    });
})();
