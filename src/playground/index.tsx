/** Entry of the playground page: renders only its mount point until the playground replaces this file. */
import { createRoot } from "react-dom/client";

const root = document.getElementById("root");
if (root) createRoot(root).render(<main id="jy-playground" />);
