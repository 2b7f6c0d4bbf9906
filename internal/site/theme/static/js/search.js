/*
 * search.js: the search page's script. It shows the form (hidden
 * without JavaScript, where the page offers only its lists), fetches the
 * index on first use and lists the entries whose folded key holds every
 * word of the query.
 *
 * The index (sitedata.SearchIndex) keys each title as Go's package fold
 * writes it: lower case, no diacritics, đ as d, words of letters and
 * digits, y as i in a syllable whose only vowel it is. fold() below folds
 * the query by the same rule, so "cho don" finds "Chợ Đồn";
 * TestBrowserSearch holds the two together.
 *
 * Titles are only ever set with textContent and links built from the
 * index's relative paths under the page's own root: nothing from the
 * index becomes markup or script. ES5, no dependency.
 */
(function (window, document) {
  'use strict';
  var form = document.querySelector ? document.querySelector('form[data-search-index]') : null;
  if (!form || !window.XMLHttpRequest || !String.prototype.normalize) {
    return;
  }
  var input = document.getElementById('q');
  var list = document.getElementById('q-results');
  var status = document.getElementById('q-status');
  var items = null;
  var loading = false;
  var MAX = 50;

  function foldY(w) {
    var rest = w.indexOf('qu') === 0 ? w.slice(2) : w;
    var at = -1;
    var n = 0;
    for (var i = 0; i < rest.length; i++) {
      if ('aăâeêioôơuưy'.indexOf(rest.charAt(i)) >= 0) {
        n++;
        at = i;
      }
    }
    if (n !== 1 || rest.charAt(at) !== 'y') {
      return w;
    }
    var off = w.length - rest.length + at;
    return w.slice(0, off) + 'i' + w.slice(off + 1);
  }

  // fold is fold.Bare of package fold, for the query.
  function fold(s) {
    s = s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
    var words = s.split(/[^0-9a-z\u00c0-\u024f\u1e00-\u1eff]+/);
    var out = [];
    for (var i = 0; i < words.length; i++) {
      if (words[i]) {
        out.push(foldY(words[i].normalize('NFC')));
      }
    }
    return out;
  }

  function matches(key, words) {
    var padded = ' ' + key;
    for (var i = 0; i < words.length; i++) {
      // A word matches the start of a word of the key: "ch" finds "chợ".
      if (padded.indexOf(' ' + words[i]) < 0) {
        return false;
      }
    }
    return true;
  }

  function show() {
    var words = fold(input.value);
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    if (!words.length || !items) {
      status.textContent = '';
      return;
    }
    var root = form.getAttribute('data-search-root') || '/';
    var n = 0;
    for (var i = 0; i < items.length; i++) {
      var it = items[i];
      if (!matches(it[2], words)) {
        continue;
      }
      n++;
      if (n > MAX) {
        continue;
      }
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + it[1];
      a.textContent = it[0];
      li.appendChild(a);
      var kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = ' · ' + (form.getAttribute('data-kind-' + it[3]) || '');
      li.appendChild(kind);
      list.appendChild(li);
    }
    status.textContent = n ? form.getAttribute('data-count') + ' ' + n : form.getAttribute('data-none');
  }

  function load() {
    if (items || loading) {
      return;
    }
    loading = true;
    var req = new window.XMLHttpRequest();
    req.open('GET', form.getAttribute('data-search-index'));
    req.onload = function () {
      try {
        var ix = JSON.parse(req.responseText);
        items = ix && ix.items instanceof Array ? ix.items : [];
      } catch (e) {
        items = [];
      }
      show();
    };
    req.send();
  }

  form.removeAttribute('hidden');
  form.addEventListener('submit', function (e) { e.preventDefault(); show(); }, false);
  input.addEventListener('input', function () { load(); show(); }, false);
  input.addEventListener('focus', load, false);
  var q = /[?&]q=([^&]*)/.exec(window.location.search);
  if (q) {
    input.value = decodeURIComponent(q[1].replace(/\+/g, ' '));
    load();
  }
}(window, document));
