/**
 * Shapes of shipped machine versions, so that a change that would lose stored conversations is caught
 * before shipping: recorded by `npm run diagram`, compared by `npm run check`.
 */
export { mergeShapes, missingFrom, shapeOf, type MachineShape } from './machine-shape.js';
export { readShapes, shapePath, shapeText, writeShape, SHAPES_DIR } from './shape-files.js';
export { findShapeProblems } from './check-shape.js';
export { findMigrationProblems } from './migration-check.js';
export { writeShapes, type ShapeStatus } from './write-shapes.js';
export { currentShape } from './current-shape.js';
