/** What other features read of data entry: completeness and timeliness of a data set's reports. */
export { completeness } from "./completeness.js";
