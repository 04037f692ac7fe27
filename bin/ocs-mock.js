#!/usr/bin/env node
import '../dist/bin/cli.js';
