/* Bailanys chat widget: <script src="https://HOST/widget.js" data-tenant="demo" data-lang="kk" async></script>
 * Plain ES2018, no dependencies, no build; "bailanys-" names keep clear of the host page's. */
(function () {
  var s = document.currentScript;
  if (!s || window.__bailanysChat) {
    return;
  }
  window.__bailanysChat = true;
  var origin = new URL(s.src, location.href).origin;
  var tenant = s.getAttribute("data-tenant") || "";
  var lang = s.getAttribute("data-lang") || document.documentElement.lang.slice(0, 2);
  var KEY = "bailanys.widget." + tenant;
  var LABEL = "Чат / Chat";
  var svg = function (d) {
    return '<svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="' + d + '"/></svg>';
  };
  var CHAT = svg("M4 20l1.3-3.9A8 8 0 1 1 8 19.3L4 20");
  var CLOSE = svg("M6 6l12 12M18 6L6 18");

  var css = document.createElement("style");
  css.textContent =
    ".bailanys-btn,.bailanys-box{position:fixed;right:20px;z-index:2147483000}" +
    ".bailanys-btn{bottom:20px;width:60px;height:60px;border-radius:50%;border:0;background:#00749a;color:#fff;box-shadow:0 4px 14px #0005;cursor:pointer;display:flex;align-items:center;justify-content:center}" +
    ".bailanys-btn:focus-visible,.bailanys-x:focus-visible{outline:3px solid #f08c00;outline-offset:3px}" +
    ".bailanys-box{bottom:92px;width:380px;height:600px;max-height:calc(100vh - 112px);background:#fff;border-radius:12px;overflow:hidden;box-shadow:0 8px 30px #0005;display:none}" +
    ".bailanys-open{display:block}.bailanys-box iframe{width:100%;height:100%;border:0}" +
    ".bailanys-x{position:absolute;top:4px;right:4px;width:40px;height:40px;border:0;border-radius:50%;background:#fff;color:#212529;display:none;align-items:center;justify-content:center}" +
    "@media (max-width:479px){.bailanys-box{top:0;left:0;right:0;bottom:0;width:auto;height:auto;max-height:none;border-radius:0;padding-top:48px;box-sizing:border-box}.bailanys-x{display:flex}.bailanys-open~.bailanys-btn{display:none}}";
  document.head.appendChild(css);

  var el = function (tag, cls, label, html) {
    var node = document.createElement(tag);
    node.className = cls;
    node.setAttribute("aria-label", label);
    if (html) {
      node.type = "button";
      node.innerHTML = html;
    }
    return node;
  };
  var box = el("div", "bailanys-box", LABEL);
  box.setAttribute("role", "dialog");
  var button = el("button", "bailanys-btn", LABEL, CHAT);
  button.setAttribute("aria-expanded", "false");
  // A phone gets the chat full-screen, the round button hidden: this one closes it from a strip on top.
  var close = el("button", "bailanys-x", "Жабу / Закрыть / Close", CLOSE);
  box.appendChild(close);

  var frame = null;
  // The chat of this tab, kept here for the frame: a browser that blocks third-party storage refuses it there.
  var CHAT_KEY = KEY + ".chat";
  window.addEventListener("message", function (e) {
    var d = e.data;
    if (!frame || e.source !== frame.contentWindow || e.origin !== origin || !d || d.type !== "bailanys.chat" || d.tenant !== tenant) {
      return;
    }
    try {
      if (d.chat) {
        sessionStorage.setItem(CHAT_KEY, JSON.stringify(d.chat));
      } else {
        sessionStorage.removeItem(CHAT_KEY);
      }
    } catch (x) {
      // Blocked storage: the chat lasts as long as this page.
    }
  });
  function heldChat() {
    try {
      var held = sessionStorage.getItem(CHAT_KEY);
      // In the fragment: it reaches the frame, never a server.
      return held ? "#chat=" + encodeURIComponent(held) : "";
    } catch (x) {
      return "";
    }
  }
  function setOpen(open, focus) {
    if (open && !frame) {
      // Made on first use: a visitor who never chats loads nothing from HOST.
      frame = document.createElement("iframe");
      frame.title = LABEL;
      frame.src = origin + "/chat/embed?tenant=" + encodeURIComponent(tenant) + (lang ? "&lang=" + encodeURIComponent(lang) : "") + heldChat();
      box.appendChild(frame);
    }
    box.classList.toggle("bailanys-open", open);
    button.setAttribute("aria-expanded", String(open));
    button.innerHTML = open ? CLOSE : CHAT;
    try {
      sessionStorage.setItem(KEY, open ? "1" : "0");
    } catch (e) {
      // Blocked storage: starts closed.
    }
    if (focus) {
      (open ? frame : button).focus();
    }
  }
  button.onclick = function () {
    setOpen(!box.classList.contains("bailanys-open"), true);
  };
  close.onclick = function () {
    setOpen(false, true);
  };

  function mount() {
    document.body.append(box, button);
    var open = false;
    try {
      open = sessionStorage.getItem(KEY) === "1";
    } catch (e) {
      open = false;
    }
    if (open) {
      setOpen(true, false);
    }
  }
  if (document.body) {
    mount();
  } else {
    document.addEventListener("DOMContentLoaded", mount);
  }
})();
