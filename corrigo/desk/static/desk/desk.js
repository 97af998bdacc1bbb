/**
 * The desk's keyboard shortcuts, bulk selection and focus handling after htmx swaps.
 * Loaded as a file (no inline scripts): j/k move, Enter opens, x ticks, a/r/m act, ? shows help.
 */
(function () {
  "use strict";

  const ACTIONS = { a: "accept", r: "reject", m: "merge" };

  /** Whether a key press belongs to a form field rather than to the shortcuts. */
  function typing(event) {
    const el = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return true;
    if (!(el instanceof HTMLElement)) return false;
    if (el.isContentEditable) return true;
    if (el.tagName === "TEXTAREA" || el.tagName === "SELECT") return true;
    return el.tagName === "INPUT" && !["checkbox", "radio", "button", "submit"].includes(el.type);
  }

  /** The queue's rows, and the selected one. */
  function rows() {
    return Array.from(document.querySelectorAll("tr.case-row"));
  }

  function selectRow(row) {
    rows().forEach((r) => r.classList.toggle("selected", r === row));
    if (row) {
      row.querySelector("a.case-link").focus();
      row.scrollIntoView({ block: "nearest" });
    }
  }

  function selectedRow() {
    return document.querySelector("tr.case-row.selected");
  }

  function moveInQueue(step) {
    const all = rows();
    if (!all.length) return;
    const at = all.indexOf(selectedRow());
    const next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(Math.max(at + step, 0), all.length - 1);
    selectRow(all[next]);
  }

  /** Open one of the case page's action panels and put the focus in it. */
  function openAction(name) {
    const panel = document.getElementById(name);
    if (!panel) return false;
    panel.open = true;
    const first = panel.querySelector("[data-first]") || panel.querySelector("input, textarea, select, button");
    if (first) first.focus();
    return true;
  }

  function onCasePage(key) {
    if (key === "j" || key === "k") {
      const link = document.querySelector(key === "j" ? "[data-key-next]" : "[data-key-prev]");
      if (link) link.click();
      return Boolean(link);
    }
    return ACTIONS[key] ? openAction(ACTIONS[key]) : false;
  }

  function onQueue(key) {
    if (key === "j") moveInQueue(1);
    else if (key === "k") moveInQueue(-1);
    else if (key === "x") {
      const box = selectedRow() && selectedRow().querySelector("input[type=checkbox]");
      if (box) box.click();
    } else if (ACTIONS[key] && selectedRow()) {
      window.location.assign(selectedRow().querySelector("a.case-link").href + "#" + ACTIONS[key]);
    } else return false;
    return true;
  }

  function toggleHelp() {
    const help = document.getElementById("shortcuts");
    if (!help) return;
    if (help.open) help.close();
    else help.showModal();
  }

  document.addEventListener("keydown", (event) => {
    if (typing(event)) return;
    if (event.key === "?") {
      toggleHelp();
      event.preventDefault();
      return;
    }
    const handled = document.querySelector("[data-case-page]") ? onCasePage(event.key) : onQueue(event.key);
    if (handled) event.preventDefault();
  });

  /** Bulk selection: "select all", and only the fields the chosen action needs. */
  function wireBulk(root) {
    const all = root.querySelector("[data-select-all]");
    if (all) {
      all.addEventListener("change", () => {
        root.querySelectorAll("input[name=cases]").forEach((box) => {
          box.checked = all.checked;
        });
      });
    }
    const action = root.querySelector("[data-bulk-action]");
    if (action) {
      const sync = () => {
        root.querySelectorAll("[data-bulk-for]").forEach((el) => {
          el.hidden = el.dataset.bulkFor !== action.value;
        });
      };
      action.addEventListener("change", sync);
      sync();
    }
  }

  /** "Use this wording" buttons fill the accept form's final wording. */
  function wireWordings(root) {
    root.querySelectorAll("[data-wording]").forEach((button) => {
      button.addEventListener("click", () => {
        const field = document.getElementById("id_final_wording");
        if (field) {
          field.value = button.dataset.wording;
          field.focus();
        }
      });
    });
  }

  function wire(root) {
    wireBulk(root);
    wireWordings(root);
  }

  document.addEventListener("DOMContentLoaded", () => wire(document));

  // After the browser has scrolled to the fragment (which moves its focus starting point), open the
  // action panel that the queue's a/r/m asked for.
  window.addEventListener("load", () => {
    const hash = window.location.hash.slice(1);
    if (Object.values(ACTIONS).includes(hash)) window.requestAnimationFrame(() => openAction(hash));
  });

  document.addEventListener("htmx:afterSettle", (event) => {
    wire(document);
    const focus = document.querySelector("[data-focus]");
    if (focus) focus.focus();
    else if (event.target instanceof HTMLElement) event.target.focus();
  });
})();
