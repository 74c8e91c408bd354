"""Flowcharts of the decision trees and timeline charts of the deadlines, drawn with D2 at build time."""
