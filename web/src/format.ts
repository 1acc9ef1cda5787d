/** The web app formats through the domain module, so screens and reports show numbers the same way. */
export { formatNumberId, formatRupiah, formatTarget } from "@domain";
