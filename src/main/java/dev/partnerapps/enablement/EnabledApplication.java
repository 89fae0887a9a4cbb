package dev.partnerapps.enablement;

import dev.partnerapps.application.ApplicationView;

/** A row of the Enable Applications page. */
record EnabledApplication(ApplicationView application, String publisher, boolean enabled) {
}
