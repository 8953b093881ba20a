/*
 * The programme's lists (sessions, speakers, audiences) get a labelled "Add"
 * button: Wagtail draws each as a bare "+" named only by its title. The last
 * button of each list shows the label ("Add a speaker"); every button of the
 * list is named by it for screen readers. The label is the list's
 * data-rencontres-add-label attribute (ADD_LABEL_ATTR in
 * wagtail_rencontres/blocks/programme.py), already in the admin's language.
 */
(function () {
    "use strict";
    var ATTR = "data-rencontres-add-label";
    var LABELLED = "rencontres-add-button";

    function labelList(list) {
        var text = list.getAttribute(ATTR);
        var buttons = Array.prototype.filter.call(
            list.querySelectorAll("[data-streamfield-list-add]"),
            function (button) {
                return button.closest("[" + ATTR + "]") === list;
            }
        );
        buttons.forEach(function (button, index) {
            var span = button.querySelector(".rencontres-add-label");
            var last = index === buttons.length - 1;
            button.setAttribute("aria-label", text);
            if (last && !span) {
                span = document.createElement("span");
                span.className = "rencontres-add-label";
                span.textContent = text;
                button.appendChild(span);
                button.classList.add(LABELLED);
            } else if (!last && span) {
                span.remove();
                button.classList.remove(LABELLED);
            }
        });
    }

    var pending = false;
    function labelAll() {
        pending = false;
        document.querySelectorAll("[" + ATTR + "]").forEach(labelList);
    }
    function schedule() {
        if (!pending) {
            pending = true;
            window.requestAnimationFrame(labelAll);
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        labelAll();
        new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
    });
})();
