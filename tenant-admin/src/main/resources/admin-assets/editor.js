/*
 * The post body's rich-text editor (Quill, BSD-3-Clause), as progressive enhancement: every
 * <textarea data-rich-editor> stays the form field and the editor writes its HTML into it, so the form works
 * the same without JavaScript. Served from the console's own origin; needs no inline script or style, so the
 * console's CSP (script-src 'self' + nonce, no 'unsafe-inline') holds.
 */
(function () {
  'use strict';
  if (typeof Quill === 'undefined') {
    return;
  }
  // Only these formats exist in the editor. Pasting from Word therefore keeps bold, italics, headings, lists
  // and links, and drops Word's mso-* styles, MsoNormal classes, fonts, sizes and colours (the rest of Word's
  // markup is removed by the clipboard below). The server's sanitiser cleans the saved HTML again whatever a
  // browser sends.
  // Images are kept only when they come from the agency's media library (the sanitiser allows nothing else);
  // their alt text travels with them.
  var FORMATS = ['bold', 'italic', 'underline', 'strike', 'header', 'list', 'blockquote', 'link', 'image', 'alt'];
  var MEDIA_SRC = /^(?:\/[a-z0-9][a-z0-9-]{0,46}[a-z0-9])?\/media\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[a-z0-9]{1,16}$/;
  var Delta = Quill.import('delta');
  var TOOLBAR = [
    [{ header: [2, 3, false] }],
    ['bold', 'italic', 'underline', 'strike'],
    [{ list: 'ordered' }, { list: 'bullet' }],
    ['blockquote', 'link'],
    ['clean']
  ];

  // Quill 1.3.7 parses a document's first content wrapped in <div style="white-space: normal;">: a style
  // attribute, which our CSP (rightly) blocks and reports. The same rule comes from the stylesheet instead
  // (admin.css, [data-ws=normal]), so the editor needs no inline style at all.
  //
  // Word's clipboard HTML is cleaned here too, before Quill reads it: its conditional comments, XML islands and
  // style sheets, the <o:p> paragraph marks, and the fake list bullets ("·" and spaces in a span styled
  // mso-list:Ignore, inside <![if !supportLists]>) would otherwise come through as stray text. Quill's format
  // list already drops Word's classes, fonts and mso-* styles. A pasted document arrives as a string
  // (dangerouslyPasteHTML) or as what the browser pasted into Quill's hidden container; both are cleaned
  // (the fake bullets are found by their text markers in a string and by their mso-list:Ignore style in the DOM).
  var WORD_MARKUP = [
    /<!--\[if[\s\S]*?<!\[endif\]-->/gi,
    /<!\[if !supportLists\]>[\s\S]*?<!\[endif\]>/gi,
    /<\/?o:p\b[^>]*>/gi,
    /<style[\s\S]*?<\/style>/gi,
    /<xml[\s\S]*?<\/xml>/gi
  ];
  var STYLE_ATTRIBUTE = /\sstyle=(?:"[^"]*"|'[^']*'|[^\s>]*)/gi;

  // Style attributes (inside tags only) carry nothing the editor keeps (Word marks bold and italics with <b>
  // and <i>), and parsing them would only make the CSP report each one.
  function withoutWordMarkup(html) {
    return WORD_MARKUP.reduce(function (text, pattern) { return text.replace(pattern, ''); }, html)
      .replace(/<[a-z][^>]*>/gi, function (tag) { return tag.replace(STYLE_ATTRIBUTE, ''); });
  }

  function removeWordNodes(root) {
    root.querySelectorAll('style, xml, meta, link, o\\:p').forEach(function (node) { node.remove(); });
    root.querySelectorAll('[style]').forEach(function (node) {
      if (/mso-list\s*:\s*ignore/i.test(node.getAttribute('style'))) {
        node.remove();
      }
    });
    var comments = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
    var found = [];
    while (comments.nextNode()) {
      found.push(comments.currentNode);
    }
    found.forEach(function (node) { node.remove(); });
  }

  var Clipboard = Quill.import('modules/clipboard');
  class CspFriendlyClipboard extends Clipboard {
    convert(html) {
      if (typeof html === 'string') {
        html = withoutWordMarkup(html.replace(' style="white-space: normal;"', ' data-ws="normal"'));
      } else {
        removeWordNodes(this.container);
      }
      return super.convert(html);
    }
  }
  Quill.register('modules/clipboard', CspFriendlyClipboard, true);

  function labelOf(textarea) {
    var label = textarea.id && document.querySelector('label[for="' + textarea.id + '"]');
    return label ? label.textContent.replace('*', '').trim() : '';
  }

  function enhance(textarea) {
    var surface = document.createElement('div');
    surface.className = 'rich-editor';
    surface.id = textarea.id + '-editor';
    textarea.parentNode.insertBefore(surface, textarea);
    var quill = new Quill(surface, { theme: 'snow', formats: FORMATS, modules: { toolbar: TOOLBAR } });
    // A pasted picture from elsewhere (a web page, Word's data: images) would vanish on saving: drop it now.
    quill.clipboard.addMatcher('IMG', function (node, delta) {
      return MEDIA_SRC.test(node.getAttribute('src') || '') ? delta : new Delta();
    });
    if (textarea.value.trim() !== '') {
      quill.clipboard.dangerouslyPasteHTML(textarea.value);
    }
    quill.root.setAttribute('role', 'textbox');
    quill.root.setAttribute('aria-multiline', 'true');
    quill.root.setAttribute('aria-label', labelOf(textarea));
    if (textarea.getAttribute('aria-invalid') === 'true') {
      quill.root.setAttribute('aria-invalid', 'true');
    }
    textarea.hidden = true;
    textarea.classList.add('enhanced');
    var label = textarea.id && document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      label.addEventListener('click', function () { quill.focus(); });
    }
    function sync() {
      textarea.value = quill.getText().trim() === '' ? '' : quill.root.innerHTML;
    }
    quill.on('text-change', sync);
    if (textarea.form) {
      textarea.form.addEventListener('submit', sync);
    }
    mediaPicker(textarea, quill);
  }

  // "Insert from the media library": a button opens a list of the site's images (buttons, so Tab, Enter and
  // Space work); choosing one inserts it where the cursor was; Escape or "Close" goes back to the button.
  function mediaPicker(textarea, quill) {
    var button = document.querySelector('[data-media-picker-button="' + textarea.id + '"]');
    var picker = document.querySelector('[data-media-picker="' + textarea.id + '"]');
    if (!button || !picker) {
      return;
    }
    var lastRange = null;
    quill.on('selection-change', function (range) {
      if (range) {
        lastRange = range;
      }
    });
    function open() {
      picker.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      var first = picker.querySelector('button');
      if (first) {
        first.focus();
      }
    }
    function close() {
      picker.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      button.focus();
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      if (picker.hidden) {
        open();
      } else {
        close();
      }
    });
    picker.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    });
    var closer = picker.querySelector('[data-media-picker-close]');
    if (closer) {
      closer.addEventListener('click', close);
    }
    picker.querySelectorAll('.media-choice').forEach(function (choice) {
      choice.addEventListener('click', function () {
        var src = choice.getAttribute('data-src');
        if (!MEDIA_SRC.test(src)) {
          return;
        }
        var index = lastRange ? lastRange.index + lastRange.length : Math.max(quill.getLength() - 1, 0);
        var attributes = {};
        var alt = choice.getAttribute('data-alt');
        if (alt) {
          attributes.alt = alt;
        }
        quill.updateContents(new Delta().retain(index).insert({ image: src }, attributes), 'user');
        quill.setSelection(index + 1, 0, 'silent');
        lastRange = { index: index + 1, length: 0 };
        picker.hidden = true;
        button.setAttribute('aria-expanded', 'false');
        quill.focus();
      });
    });
  }

  document.querySelectorAll('textarea[data-rich-editor]').forEach(enhance);
}());
