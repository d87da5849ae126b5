// Procedure diagrams: the engine's own state machines (Mermaid export, GET /api/procedures), drawn in the browser
// with the current request's and preservation's states highlighted. Mermaid (vendored, 5 MB) loads on first use.
import { el, fill } from "./format.js";

let procedures = null;
let mermaidReady = null;
let counter = 0;

function loadMermaid() {
  mermaidReady ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/lib/mermaid/mermaid.min.js";
    script.onload = () => {
      // Charts at their own size (scrolling sideways in their panel when wide), so that no label shrinks below 12 px.
      window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "neutral",
        gantt: { useMaxWidth: false, fontSize: 12, sectionFontSize: 12 } });
      resolve(window.mermaid);
    };
    script.onerror = () => reject(new Error("could not load the diagram library"));
    document.head.append(script);
  });
  return mermaidReady;
}

async function procedure(name) {
  procedures ??= await (await fetch("/api/procedures")).json();
  return procedures.find(p => p.name === name);
}

/** "under-review" (the hub's value) is "UnderReview" in the machine's diagram. */
const pascal = kebab => kebab.split("-").map(w => w[0].toUpperCase() + w.slice(1)).join("");

/** Renders Mermaid text into a container; returns the SVG element. */
export async function renderMermaid(container, text) {
  const mermaid = await loadMermaid();
  const { svg } = await mermaid.render(`diagram-${++counter}`, text);
  container.innerHTML = svg; // Mermaid's own output, rendered with securityLevel "strict"
  return container.querySelector("svg");
}

/** A machine's diagram with one state highlighted. */
export async function renderMachine(container, name, currentState) {
  const machine = await procedure(name);
  const text = `${machine.mermaid.trim()}\n\tclassDef current fill:#ffd54f,stroke:#b86e00,stroke-width:3px,font-weight:bold\n` +
    (currentState ? `\tclass ${pascal(currentState)} current\n` : "");
  const box = el("div", { class: "diagram", dataset: { machine: name, current: currentState ?? "" } });
  container.append(el("h3", {}, machine.description), box);
  await renderMermaid(box, text);
}

/** A request's procedure: the request machine at its state, and its preservation machine if it preserves data. */
export async function showProcedure(container, request, preservation) {
  fill(container, el("p", {}, el("strong", {}, `${request.request}: ${request.instrumentName}`),
    ` from ${request.issuer} to ${request.requestedState}, now `, el("strong", { id: "procedure-state" }, request.state),
    preservation ? `; preservation ${preservation.state}` : ""));
  try {
    await renderMachine(container, "request", request.state);
    if (preservation) await renderMachine(container, "preservation", preservation.state);
  } catch (error) {
    container.append(el("p", { class: "error" }, `The diagram could not be drawn: ${error.message}`));
  }
}
