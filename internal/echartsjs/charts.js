/*
 * charts.js: the interactive enhancement of a minhbach page's charts.
 *
 * Each chart is an element with data-chart="ID" holding the chart already
 * drawn as SVG at build time, and a JSON island
 * <script type="application/json" id="ID"> holding its ECharts option. The
 * page is complete without this file. When a chart is touched, hovered or
 * focused, it loads ECharts from the address in
 * its own script element's data-echarts (and the locale in data-locale),
 * then draws each chart in the same box: the box's height is fixed before
 * the drawing is swapped, so nothing on the page moves. If anything fails,
 * the SVG drawing is put back.
 *
 * Data is only ever read with JSON.parse and handed to ECharts as plain
 * values (no code, no HTML strings), so text from the CSV files cannot
 * become script.
 *
 * ES5 on purpose: cheap phones run old browsers.
 */
(function (window, document) {
  'use strict';

  var LIVE = 'chart--live';
  var charts = [];
  var timer = null;

  function hasClass(el, name) {
    return (' ' + el.className + ' ').indexOf(' ' + name + ' ') >= 0;
  }

  function addClass(el, name) {
    if (!hasClass(el, name)) {
      el.className = el.className ? el.className + ' ' + name : name;
    }
  }

  function removeClass(el, name) {
    el.className = (' ' + el.className + ' ')
      .replace(' ' + name + ' ', ' ')
      .replace(/^\s+|\s+$/g, '');
  }

  function locale() {
    var lang = (document.documentElement.getAttribute('lang') || '').toLowerCase();
    return lang === 'vi' || lang.indexOf('vi-') === 0 ? 'VI' : 'EN';
  }

  // option returns the parsed option of el's island, or null if it is
  // missing or malformed.
  function option(el) {
    var id = el.getAttribute('data-chart');
    var island = id ? document.getElementById(id) : null;
    if (!island || island.type !== 'application/json') {
      return null;
    }
    try {
      var opt = JSON.parse(island.textContent);
      return opt !== null && typeof opt === 'object' ? opt : null;
    } catch (e) {
      return null;
    }
  }

  // plain prints v rounded to at most decimals places, with the marks of
  // loc, for a browser without Intl. Chart values come rounded from Go, so
  // toFixed's binary rounding does not show.
  function plain(v, decimals, loc) {
    var parts = Math.abs(v).toFixed(decimals).split('.');
    var frac = (parts[1] || '').replace(/0+$/, '');
    var whole = parts[0].replace(/\B(?=(\d{3})+$)/g, loc === 'VI' ? '.' : ',');
    return (v < 0 ? '-' : '') + whole + (frac ? (loc === 'VI' ? ',' : '.') + frac : '');
  }

  // numbers returns a function that prints a value as the page's tables do,
  // exactly as Go's package locale (Compact, Percent): "91,4%" and "1.234"
  // in Vietnamese, "91.4%" and "1,234" in English, half away from zero, no
  // trailing zeros, an ASCII minus, never "-0", and "–" for what is not a
  // number. The option carries only a plain hint {percent, decimals} under
  // "minhbach"; the code that formats is this file's, never anything from
  // the data. TestBrowserNumbersAsLocale (internal/build) holds it to
  // locale.
  function numbers(hint, loc) {
    var decimals = hint && typeof hint.decimals === 'number' ? hint.decimals : 2;
    var suffix = hint && hint.percent === true ? '%' : '';
    var nf = null;
    try {
      nf = new window.Intl.NumberFormat(loc === 'VI' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: decimals, useGrouping: true });
    } catch (e) { /* very old browser: see plain */ }
    return function (v) {
      if (v && typeof v === 'object' && 'value' in v) {
        v = v.value; // label callbacks get the data item
      }
      if (typeof v !== 'number' || !isFinite(v)) {
        return '\u2013';
      }
      var s = nf ? nf.format(v) : plain(v, decimals, loc);
      if (!/[1-9]/.test(s)) {
        s = s.replace(/^[-\u2212]/, ''); // -0.04 rounds to 0, not -0
      }
      return s + suffix;
    };
  }

  // localise applies the number format to the tooltip, the value labels of
  // the series and the value axes, then drops the hint.
  function localise(opt, loc) {
    var hint = opt.minhbach && opt.minhbach.format;
    var notes = opt.minhbach && opt.minhbach.notes instanceof Array ? opt.minhbach.notes : null;
    delete opt.minhbach;
    if (!hint) {
      return;
    }
    var fmt = numbers(hint, loc);
    // A period's note (a total from some units only: "2/28 đơn vị đã báo
    // cáo") follows its value in the tooltip, as in the table.
    var tipFmt = !notes ? fmt : function (v, i) {
      var s = fmt(v);
      return typeof notes[i] === 'string' && notes[i] !== '' ? s + ' (' + notes[i] + ')' : s;
    };
    if (opt.tooltip) {
      var tips = opt.tooltip instanceof Array ? opt.tooltip : [opt.tooltip];
      for (var i = 0; i < tips.length; i++) {
        tips[i].valueFormatter = tipFmt;
      }
    }
    var series = opt.series || [];
    for (var j = 0; j < series.length; j++) {
      if (series[j].label && series[j].label.show) {
        series[j].label.formatter = function (p) { return fmt(p.value); };
      }
    }
    var axes = [].concat(opt.xAxis || [], opt.yAxis || []);
    for (var k = 0; k < axes.length; k++) {
      if (axes[k] && axes[k].type === 'value') {
        axes[k].axisLabel = axes[k].axisLabel || {};
        axes[k].axisLabel.formatter = fmt;
      }
    }
  }

  function start(echarts, el, loc) {
    if (hasClass(el, LIVE)) {
      return; // already started (script included twice)
    }
    var opt = option(el);
    if (!opt) {
      return;
    }
    // The box keeps the height the drawing gave it, which echarts.init
    // measures; the drawing leaves only once ECharts has drawn.
    var drawing = el.querySelector('svg');
    // The live chart keeps the drawing's name and description (numbers in
    // the page's format): the ECharts build has no aria component.
    var name = '';
    if (drawing) {
      var title = drawing.querySelector('title');
      var desc = drawing.querySelector('desc');
      name = (title ? title.textContent : '') + (desc ? '. ' + desc.textContent : '');
    }
    el.style.height = el.getBoundingClientRect().height + 'px';
    if (drawing) {
      el.removeChild(drawing);
    }
    addClass(el, LIVE);
    var chart = null;
    try {
      localise(opt, loc);
      chart = echarts.init(el, null, { renderer: 'svg', locale: loc });
      chart.setOption(opt);
      charts.push(chart);
      if (name) {
        el.setAttribute('role', 'img');
        el.setAttribute('aria-label', name);
      }
    } catch (e) {
      if (chart) {
        try { chart.dispose(); } catch (ignore) { /* nothing left to do */ }
      }
      removeClass(el, LIVE);
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
      el.style.height = '';
      if (drawing) {
        el.appendChild(drawing);
      }
    }
  }

  function resize() {
    timer = null;
    for (var i = 0; i < charts.length; i++) {
      try { charts[i].resize(); } catch (e) { /* keep resizing the others */ }
    }
  }

  function onResize() {
    if (timer !== null) {
      window.clearTimeout(timer);
    }
    timer = window.setTimeout(resize, 200);
  }

  function startAll() {
    var echarts = window.echarts;
    if (!echarts || typeof echarts.init !== 'function' || !document.querySelectorAll) {
      return;
    }
    var loc = locale();
    var els = document.querySelectorAll('[data-chart]');
    for (var i = 0; i < els.length; i++) {
      start(echarts, els[i], loc);
    }
    if (charts.length > 0) {
      window.addEventListener('resize', onResize, false);
    }
  }

  // The script element that loaded this file, which says where ECharts is.
  var self = document.currentScript || document.querySelector('script[data-echarts]');
  var loading = false;

  function load(src, done) {
    var s = document.createElement('script');
    s.src = src;
    s.onload = done;
    document.head.appendChild(s);
  }

  // enhance loads ECharts (and its locale) once, then draws every chart.
  function enhance() {
    if (loading || !self || !document.querySelectorAll) {
      return;
    }
    loading = true;
    var locale = self.getAttribute('data-locale');
    load(self.getAttribute('data-echarts'), function () {
      if (locale) {
        load(locale, startAll);
      } else {
        startAll();
      }
    });
  }

  // ECharts (about 190 kB gzipped) is fetched only when a reader reaches
  // for a chart: pointing at it, touching it or tabbing into it. The
  // drawing made at build time is the chart; a reader on a phone who only
  // reads pays nothing for the enhancement (it was fetched when idle, and
  // cost the indicator page its Lighthouse score on a slow phone).
  var els = document.querySelectorAll ? document.querySelectorAll('[data-chart]') : [];
  for (var i = 0; i < els.length; i++) {
    els[i].addEventListener('pointerdown', enhance, false);
    els[i].addEventListener('mouseover', enhance, false);
    els[i].addEventListener('focusin', enhance, false);
  }
}(window, document));
