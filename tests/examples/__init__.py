"""Tests of the example specs under spec/examples: real APIs, real requests."""
