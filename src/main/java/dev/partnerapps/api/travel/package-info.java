/** The Travel Profile API, with passport, Secure Flight and emergency contact behind their own scopes. */
package dev.partnerapps.api.travel;
