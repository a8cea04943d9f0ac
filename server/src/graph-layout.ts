/**
 * How the reachability graph is laid out by elkjs, shared by the panel's graph view
 * (client/webview/graph-view.ts) and the CLI's `reach --format svg` (cli/reach-svg.ts),
 * so the terminal draws the picture the panel shows. Plain data, importable by the webview.
 */

/**
 * The whole graph: layers left to right, namespaces as boxes around their workloads.
 * One pass of crossing minimisation and node placement (thoroughness 1, elkjs's default
 * is 7): laying out namespace boxes with edges between their workloads costs seconds for
 * a few dozen nodes otherwise (bench/webview/graph-layout.mjs measures the options).
 */
export const GRAPH_LAYOUT_OPTIONS: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.layered.thoroughness': '1',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.json.edgeCoords': 'ROOT',
  'elk.json.shapeCoords': 'ROOT',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70',
  'elk.spacing.nodeNode': '18',
  'elk.spacing.edgeLabel': '4',
  'elk.padding': '[top=12,left=12,bottom=12,right=12]',
};

/** A namespace's box: room above for its name. */
export const GROUP_LAYOUT_OPTIONS: Readonly<Record<string, string>> = { 'elk.padding': '[top=30,left=14,bottom=14,right=14]' };
