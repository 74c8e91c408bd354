"""Decision trees and deadline clocks for the alert and escalation procedures.

Modules used at run time import only the standard library, so the same code runs under CPython
and in Pyodide in the browser.
"""
