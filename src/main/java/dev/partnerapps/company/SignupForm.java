package dev.partnerapps.company;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

class SignupForm {

    @NotBlank(message = "{validation.companyName.required}")
    @Size(max = 100, message = "{validation.companyName.size}")
    private String companyName = "";

    @NotBlank(message = "{validation.domain.required}")
    @Size(max = 253, message = "{validation.domain.invalid}")
    // An empty domain is "required", not also "invalid": the pattern leaves the empty case to NotBlank.
    @Pattern(regexp = "^$|" + Domains.PATTERN, message = "{validation.domain.invalid}")
    private String companyDomain = "";

    @NotBlank(message = "{validation.email.required}")
    @Email(message = "{validation.email.invalid}")
    @Size(max = 254, message = "{validation.email.invalid}")
    private String email = "";

    // One message per mistake: Size catches an empty password, this one a password of blanks only.
    @Pattern(regexp = "^$|(?s).*\\S.*", message = "{validation.password.size}")
    @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = "{validation.password.size}")
    private String password = "";

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public String getCompanyDomain() {
        return companyDomain;
    }

    public void setCompanyDomain(String companyDomain) {
        this.companyDomain = companyDomain == null ? null : companyDomain.strip();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? null : email.strip();
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
