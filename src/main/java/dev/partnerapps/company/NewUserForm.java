package dev.partnerapps.company;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

class NewUserForm {

    @NotBlank(message = "{validation.email.required}")
    @Email(message = "{validation.email.invalid}")
    @Size(max = 254, message = "{validation.email.invalid}")
    private String email = "";

    // One message per mistake: Size catches an empty password, this one a password of blanks only.
    @Pattern(regexp = "^$|(?s).*\\S.*", message = "{validation.password.size}")
    @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = "{validation.password.size}")
    private String password = "";

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
