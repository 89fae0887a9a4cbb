/**
 * Server-side paging, searching and sorting of the console's lists: the request a list page
 * reads from its URL, the page it shows, and links that keep every filter in the URL
 * (docs/lists.md). Depends on no other module; every list page uses it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.partnerapps.paging;
