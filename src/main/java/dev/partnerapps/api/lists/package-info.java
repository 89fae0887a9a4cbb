/** The List Item API (scope LIST): a company's lists and their items. */
package dev.partnerapps.api.lists;
