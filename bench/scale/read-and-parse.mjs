// @ts-check
// The lower bound of any command over a workspace: read every .yaml file under a folder
// and parse it with the `yaml` package, nothing else. Prints the number of documents.
//
//   node bench/scale/read-and-parse.mjs FOLDER
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';

let documents = 0;
/** @param {string} folder */
function walk(folder) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (entry.name.endsWith('.yaml')) documents += parseAllDocuments(fs.readFileSync(file, 'utf8')).length;
  }
}
walk(process.argv[2] ?? '.');
console.log(documents);
