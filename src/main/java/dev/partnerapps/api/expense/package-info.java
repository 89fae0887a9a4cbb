/** The Expense Report, Quick Expense and Imaging APIs, with card and bank numbers behind their own scopes. */
package dev.partnerapps.api.expense;
