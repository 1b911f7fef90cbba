/** Registry HTTP API and pages: thin adapters over the registry's use cases. */
@NullMarked
package org.kimberlite.registry.web;

import org.jspecify.annotations.NullMarked;
