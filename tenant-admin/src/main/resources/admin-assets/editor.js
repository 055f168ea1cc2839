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
  // and links, and drops Word's mso-* styles, MsoNormal classes, fonts, sizes and colours. The server's
  // sanitiser cleans the saved HTML again whatever a browser sends.
  var FORMATS = ['bold', 'italic', 'underline', 'strike', 'header', 'list', 'blockquote', 'link'];
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
  var Clipboard = Quill.import('modules/clipboard');
  class CspFriendlyClipboard extends Clipboard {
    convert(html) {
      if (typeof html === 'string') {
        html = html.replace(' style="white-space: normal;"', ' data-ws="normal"');
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
  }

  document.querySelectorAll('textarea[data-rich-editor]').forEach(enhance);
}());
