/** Entry of the task pane page: renders only its mount point until the pane replaces this file. */
import { createRoot } from "react-dom/client";

const root = document.getElementById("root");
if (root) createRoot(root).render(<main id="jy-taskpane" />);
